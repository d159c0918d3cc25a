using System.Net;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

public sealed class AuthenticationTests : SimTestBase
{
    private const string Master = TestScenario.Master;

    [Theory]
    [InlineData(Placement.Query)]
    [InlineData(Placement.Body)]
    [InlineData(Placement.MixedSignatureInBody)]
    [InlineData(Placement.MixedSignatureInQuery)]
    public async Task Hmac_signed_transfer_is_accepted_wherever_the_parameters_are(Placement placement)
    {
        var reply = await TransferAsync("MAIN_FUNDING", "1.5", placement: placement);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.True(reply.Json.GetProperty("tranId").GetInt64() > 0);
        Assert.Equal(98.5m, Balance(Master, "SPOT"));
        Assert.Equal(101.5m, Balance(Master, "FUNDING"));
    }

    [Fact]
    public async Task Upper_case_hex_signature_is_accepted()
    {
        var reply = await TransferAsync("MAIN_FUNDING", "1", signer: TestScenario.HmacAllUpper);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Python_connector_style_plus_for_space_is_signed_over_the_raw_bytes()
    {
        // urllib.urlencode writes a space as '+'; the signature covers those bytes, the value decodes to a space.
        var reply = await SignedAsync(HttpMethod.Post, "sapi/v1/asset/transfer",
            [("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "2"), ("note", "hello world")],
            TestScenario.HmacAll, encode: v => WebUtility.UrlEncode(v));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(98m, Balance(Master, "SPOT"));
    }

    [Theory]
    [InlineData(Placement.Query)]
    [InlineData(Placement.Body)]
    public async Task Rsa_signature_base64_percent_encoded_is_accepted(Placement placement)
    {
        var reply = await TransferAsync("MAIN_UMFUTURE", "3", signer: TestScenario.Rsa, placement: placement);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(103m, Balance(Master, "USDT_FUTURE"));
    }

    [Theory]
    [InlineData(Placement.Query)]
    [InlineData(Placement.MixedSignatureInBody)]
    public async Task Ed25519_signature_is_accepted(Placement placement)
    {
        var reply = await TransferAsync("MAIN_OPTION", "4", signer: TestScenario.Ed, placement: placement);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(104m, Balance(Master, "OPTION"));
    }

    [Fact]
    public async Task Ed25519_signature_over_other_bytes_is_rejected()
    {
        var other = TestScenario.Ed.Sign("type=MAIN_OPTION&asset=USDT&amount=99&timestamp=1");
        var reply = await SignedAsync(HttpMethod.Post, "sapi/v1/asset/transfer",
            [("type", "MAIN_OPTION"), ("asset", "USDT"), ("amount", "4")], TestScenario.Ed, signatureOverride: _ => other);
        reply.AssertError(400, -1022, "Signature for this request is not valid.");
    }

    [Fact]
    public async Task Bad_hmac_signature_is_rejected_and_nothing_moves()
    {
        var reply = await SignedAsync(HttpMethod.Post, "sapi/v1/asset/transfer",
            [("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "1")], TestScenario.HmacAll,
            signatureOverride: s => s[..^2] + (s.EndsWith("00", StringComparison.Ordinal) ? "11" : "00"));

        reply.AssertError(400, -1022, "Signature for this request is not valid.");
        Assert.Equal(100m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task Signature_of_a_different_secret_is_rejected()
    {
        var reply = await TransferAsync("MAIN_FUNDING", "1", signer: TestSigner.Hmac("hmac-all-key", "wrong-secret"));
        reply.AssertError(400, -1022, "Signature for this request is not valid.");
    }

    [Fact]
    public async Task Missing_signature_is_a_mandatory_parameter_error()
    {
        var reply = await SendRawAsync(HttpMethod.Get, "sapi/v1/asset/transfer", $"type=MAIN_FUNDING&timestamp={Clock.NowMs}", "", "hmac-all-key");
        reply.AssertError(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task Stale_timestamp_is_outside_the_recv_window()
    {
        var reply = await TransferAsync("MAIN_FUNDING", "1", signer: TestScenario.HmacAll);
        Assert.Equal(HttpStatusCode.OK, reply.Status);

        var stale = await SignedAsync(HttpMethod.Post, "sapi/v1/asset/transfer",
            [("type", "MAIN_FUNDING"), ("asset", "USDT"), ("amount", "1")], TestScenario.HmacAll, timestamp: Clock.NowMs - 5001);
        stale.AssertError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        Assert.Equal(99m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task Timestamp_exactly_recv_window_old_is_accepted()
    {
        var reply = await SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING")], TestScenario.HmacAll,
            timestamp: Clock.NowMs - 60000, recvWindow: "60000");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task Timestamp_a_second_ahead_is_rejected_but_999_ms_is_accepted()
    {
        var ahead = await SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING")], TestScenario.HmacAll,
            timestamp: Clock.NowMs + 1000);
        ahead.AssertError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");

        var almost = await SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING")], TestScenario.HmacAll,
            timestamp: Clock.NowMs + 999);
        Assert.Equal(HttpStatusCode.OK, almost.Status);
    }

    [Fact]
    public async Task Recv_window_above_60000_is_rejected()
    {
        var reply = await SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING")], TestScenario.HmacAll,
            recvWindow: "70000");
        reply.AssertError(400, -1131, "recvWindow must be less than 60000");
    }

    [Fact]
    public async Task Missing_timestamp_names_the_parameter()
    {
        var query = "type=MAIN_FUNDING";
        var reply = await SendRawAsync(HttpMethod.Get, "sapi/v1/asset/transfer",
            $"{query}&signature={TestScenario.HmacAll.Sign(query)}", "", "hmac-all-key");
        reply.AssertError(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task Missing_api_key_header_is_a_format_error()
    {
        var query = $"type=MAIN_FUNDING&timestamp={Clock.NowMs}";
        var reply = await SendRawAsync(HttpMethod.Get, "sapi/v1/asset/transfer", $"{query}&signature={TestScenario.HmacAll.Sign(query)}", "", null);
        reply.AssertError(401, -2014, "API-key format invalid.");
    }

    [Fact]
    public async Task Unknown_api_key_is_rejected()
    {
        var reply = await TransferAsync("MAIN_FUNDING", "1", signer: TestSigner.Hmac("nobody-key", "hmac-all-secret"));
        reply.AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public async Task Transfer_needs_permits_universal_transfer()
    {
        var reply = await TransferAsync("MAIN_FUNDING", "1", signer: TestScenario.ReadOnly);
        reply.AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        Assert.Equal(100m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task Histories_need_enable_reading()
    {
        var universal = await SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING")], TestScenario.TransferOnly);
        universal.AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        var margin = await SignedAsync(HttpMethod.Get, "sapi/v1/margin/transfer", [], TestScenario.TransferOnly);
        margin.AssertError(401, -2015, "Invalid API-key, IP, or permissions for action.");

        var allowed = await SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING")], TestScenario.ReadOnly);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    [Theory]
    [InlineData(Placement.Query)]
    [InlineData(Placement.Body)]
    public async Task A_parameter_sent_twice_in_one_part_is_refused_with_minus_1101_and_nothing_moves(Placement placement)
    {
        var reply = await SignedAsync(HttpMethod.Post, "sapi/v1/asset/transfer",
            [("type", "MAIN_FUNDING"), ("asset", "USDT"), ("asset", "BTC"), ("amount", "1")], TestScenario.HmacAll, placement);

        reply.AssertError(400, -1101, "Duplicate values for a parameter detected.");
        Assert.Equal(100m, Balance(TestScenario.Master, "SPOT"));
        Assert.Empty(Host.History());
    }

    [Fact]
    public async Task A_duplicated_parameter_is_refused_on_a_signed_read_too()
    {
        var reply = await SignedAsync(HttpMethod.Get, "sapi/v1/asset/transfer", [("type", "MAIN_FUNDING"), ("type", "MAIN_FUNDING")], TestScenario.HmacAll);

        reply.AssertError(400, -1101, "Duplicate values for a parameter detected.");
    }

    [Fact]
    public async Task A_parameter_in_both_query_and_body_takes_the_query_value()
    {
        var ts = Clock.NowMs;
        var query = $"type=MAIN_FUNDING&asset=USDT&amount=1";
        var body = $"amount=7&timestamp={ts}";
        var signature = TestScenario.HmacAll.Sign(query + body);
        var reply = await SendRawAsync(HttpMethod.Post, "sapi/v1/asset/transfer", query, $"{body}&signature={signature}", "hmac-all-key");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(99m, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task Server_time_needs_no_key_and_reads_the_injected_clock()
    {
        var reply = await SimReply.ReadAsync(await Http.GetAsync("api/v3/time"));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Clock.NowMs, reply.Json.GetProperty("serverTime").GetInt64());
        Assert.Equal("1", reply.Header("X-MBX-USED-WEIGHT-1M"));
    }
}
