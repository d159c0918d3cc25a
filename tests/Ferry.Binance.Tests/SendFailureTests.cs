using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Ferry.Binance.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>The one decision both venue transports use: was a failed send surely not sent, and can a success body be read.</summary>
public sealed class SendFailureTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, true)]
    [InlineData(SocketError.HostNotFound, true)]
    [InlineData(SocketError.NetworkUnreachable, true)]
    [InlineData(SocketError.HostUnreachable, true)]
    [InlineData(SocketError.ConnectionReset, false)]
    [InlineData(SocketError.TimedOut, false)]
    public void Only_a_connection_that_never_existed_counts_as_nothing_sent(SocketError error, bool nothingSent)
    {
        var e = new HttpRequestException(HttpRequestError.ConnectionError, "failed", new SocketException((int)error));

        Assert.Equal(nothingSent, SendFailure.NothingWasSent(e));
    }

    [Fact]
    public void A_name_that_does_not_resolve_counts_as_nothing_sent()
    {
        Assert.True(SendFailure.NothingWasSent(new HttpRequestException(HttpRequestError.NameResolutionError)));
        Assert.False(SendFailure.NothingWasSent(new HttpRequestException(HttpRequestError.ResponseEnded)));
    }

    [Fact]
    public void Unreachable_names_the_host_and_the_socket_error_not_the_message()
    {
        var e = new HttpRequestException("secret-looking text", new SocketException((int)SocketError.ConnectionRefused));

        var notSent = SendFailure.Unreachable<int>("api.binance.com", e);

        Assert.Equal(NotSentReason.Unreachable, notSent.Reason);
        Assert.Equal("Not sent: could not connect to api.binance.com (ConnectionRefused); nothing was written, so it did not execute.", notSent.Message);
    }

    [Fact]
    public void A_send_cancelled_before_it_started_is_not_sent()
    {
        var notSent = SendFailure.CancelledBeforeSending<int>("POST /x");

        Assert.Equal((NotSentReason.Cancelled, "Not sent: POST /x was cancelled before it was sent."), (notSent.Reason, notSent.Message));
    }

    [Fact]
    public void After_sending_a_timeout_a_caller_cancel_and_a_broken_transport_are_told_apart()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var timeout = TimeSpan.FromSeconds(7.5);

        Assert.Equal("Outcome unknown: POST /x timed out after 7.5 s once it had been sent; it may have executed.",
            SendFailure.AfterSending<int>("POST /x", new TaskCanceledException(), timeout, CancellationToken.None).Message);
        Assert.Equal("Outcome unknown: POST /x was cancelled by the caller after it started being sent; it may have executed.",
            SendFailure.AfterSending<int>("POST /x", new TaskCanceledException(), timeout, cancelled.Token).Message);
        Assert.Equal("Outcome unknown: POST /x failed after it started being sent (IOException); it may have executed.",
            SendFailure.AfterSending<int>("POST /x", new IOException("reset"), timeout, CancellationToken.None).Message);
    }

    [Fact]
    public void A_success_body_that_parses_is_done_and_one_that_does_not_is_unknown()
    {
        var typeInfo = BinanceJsonContext.Default.UniversalTransferResult;

        var done = SuccessBody.Read("POST /x", 200, "{\"tranId\":13526853623}"u8, typeInfo);
        var nullBody = SuccessBody.Read("POST /x", 200, "null"u8, typeInfo);
        var wrong = SuccessBody.Read("POST /x", 200, "[1,2]"u8, typeInfo);

        Assert.Equal(13526853623, Assert.IsType<Done<UniversalTransferResult>>(done).Value.TranId);
        Assert.Equal("Outcome unknown: POST /x answered HTTP 200 with a null body.", Assert.IsType<Unknown<UniversalTransferResult>>(nullBody).Message);
        var unknown = Assert.IsType<Unknown<UniversalTransferResult>>(wrong);
        Assert.StartsWith("Outcome unknown: POST /x answered HTTP 200 with a body that does not match the documented shape (", unknown.Message, StringComparison.Ordinal);
        Assert.EndsWith("): [1,2]", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(200, unknown.HttpStatus);
    }

    [Fact]
    public void A_snippet_blanks_control_characters_and_cuts_long_bodies()
    {
        Assert.Equal(".", BodySnippet.Of([]));
        Assert.Equal(": a b", BodySnippet.Of("a\nb"u8));
        var longBody = Encoding.UTF8.GetBytes(new string('x', BodySnippet.MaxBytes + 1));
        Assert.Equal(": " + new string('x', BodySnippet.MaxBytes) + "…", BodySnippet.Of(longBody));
    }
}
