using System.Globalization;
using System.Net.Sockets;

namespace Ferry.Core.Outcomes;

/// <summary>
/// What a failed HTTP send means, decided once for every venue transport: a failure before the connection
/// existed is <see cref="NotSent{T}"/>; any other transport failure or timeout may have left the request
/// executed, so it is <see cref="Unknown{T}"/>. Two copies of this decision could drift; this is the one.
/// </summary>
public static class SendFailure
{
    /// <summary>True for the exceptions a send can end in once it was started: transport errors, timeouts, cancellation.</summary>
    public static bool IsTransportFailure(Exception e) => e is HttpRequestException or OperationCanceledException or IOException;

    /// <summary>
    /// True only when the connection was never established: DNS failed or the connect was refused or
    /// unreachable. No byte of the request can have been written then.
    /// </summary>
    public static bool NothingWasSent(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.NameResolutionError
        || e.InnerException is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable,
        };

    /// <summary>The outcome of a send the caller cancelled before a byte of it was written.</summary>
    public static NotSent<T> CancelledBeforeSending<T>(object endpoint) =>
        new(NotSentReason.Cancelled, $"Not sent: {endpoint} was cancelled before it was sent.");

    /// <summary>The outcome of a send that failed before <paramref name="host"/> could be reached (<see cref="NothingWasSent"/> was true).</summary>
    public static NotSent<T> Unreachable<T>(string host, HttpRequestException e) =>
        new(NotSentReason.Unreachable, $"Not sent: could not connect to {host} ({Describe(e)}); nothing was written, so it did not execute.");

    /// <summary>
    /// The outcome of a send that failed after it started: the caller cancelled, the <paramref name="timeout"/>
    /// ran out (cancellation the caller did not ask for) or the transport broke. It may have executed.
    /// </summary>
    public static Unknown<T> AfterSending<T>(object endpoint, Exception e, TimeSpan timeout, CancellationToken callerToken)
    {
        if (e is OperationCanceledException)
        {
            return new Unknown<T>(callerToken.IsCancellationRequested
                ? $"Outcome unknown: {endpoint} was cancelled by the caller after it started being sent; it may have executed."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Outcome unknown: {endpoint} timed out after {timeout.TotalSeconds:0.###} s once it had been sent; it may have executed."));
        }

        return new Unknown<T>($"Outcome unknown: {endpoint} failed after it started being sent ({Describe(e)}); it may have executed.");
    }

    /// <summary>A short name for the failure: the socket error when there is one, else the exception's type. Never its message.</summary>
    public static string Describe(Exception e) =>
        e.InnerException is SocketException s ? s.SocketErrorCode.ToString() : e.GetType().Name;
}
