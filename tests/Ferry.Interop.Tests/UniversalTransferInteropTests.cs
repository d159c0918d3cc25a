using Xunit.Abstractions;
using System.Text.RegularExpressions;

namespace Ferry.Interop.Tests;

/// <summary>Real third-party Binance clients — the official @binance/connector 3.6.1 and ccxt 4.5.84, unpatched —
/// sign requests with HMAC, RSA and Ed25519 keys against Ferry.Simulator. Each test starts its own simulator, runs
/// node/interop.mjs once, and ends by checking that no money was created or destroyed and the auditor is quiet.</summary>
public sealed class UniversalTransferInteropTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> ClientsAndKeys => new()
    {
        { "connector", "hmac" }, { "connector", "rsa" }, { "connector", "ed25519" },
        { "ccxt", "hmac" }, { "ccxt", "rsa" }, { "ccxt", "ed25519" },
    };

    public static TheoryData<string> Clients => new() { "connector", "ccxt" };

    [NodeTheory]
    [MemberData(nameof(ClientsAndKeys))]
    public async Task Universal_transfers_move_exactly_the_amount_and_show_in_history(string client, string key)
    {
        await using var sim = await SimSession.StartAsync();

        var steps = await RunAsync(sim.Host.BaseAddress, "transfers", client, key);

        Assert.Equal(["transfer", "history", "transfer", "history", "margin-history"], steps.Select(s => s.Step));
        var (umTransfer, umHistory, isoTransfer, isoHistory, marginHistory) = (steps[0], steps[1], steps[2], steps[3], steps[4]);
        foreach (var step in steps) AssertAccepted(step);

        Assert.False(string.IsNullOrEmpty(umTransfer.TranId), umTransfer.Describe());
        Assert.False(string.IsNullOrEmpty(isoTransfer.TranId), isoTransfer.Describe());
        Assert.NotEqual(umTransfer.TranId, isoTransfer.TranId);

        Assert.Equal(10000m - 12.5m, sim.Balance("SPOT", "USDT"));
        Assert.Equal(12.5m, sim.Balance("USDT_FUTURE", "USDT"));
        Assert.Equal(100m - 5m, sim.Balance("MARGIN", "USDT"));
        Assert.Equal(50m + 5m, sim.Balance("ISOLATED_MARGIN", "USDT", "BTCUSDT"));

        Assert.True(umHistory.Ids.SequenceEqual([umTransfer.TranId!]),
            $"GET /sapi/v1/asset/transfer?type=MAIN_UMFUTURE should list exactly tranId {umTransfer.TranId}.\n{umHistory.Describe()}");
        Assert.True(isoHistory.Ids.SequenceEqual([isoTransfer.TranId!]),
            $"GET /sapi/v1/asset/transfer?type=MARGIN_ISOLATEDMARGIN should list exactly tranId {isoTransfer.TranId}.\n{isoHistory.Describe()}");
        Assert.True(marginHistory.Ids.Contains(isoTransfer.TranId!),
            $"GET /sapi/v1/margin/transfer should list the cross-margin roll-out {isoTransfer.TranId} as a txId.\n{marginHistory.Describe()}");

        foreach (var step in steps) AssertWireFormat(step);
        sim.AssertConservedAndClean();
    }

    [NodeTheory]
    [MemberData(nameof(Clients))]
    public async Task Spot_to_isolated_margin_and_back_carries_the_symbol(string client)
    {
        await using var sim = await SimSession.StartAsync();

        var steps = await RunAsync(sim.Host.BaseAddress, "spot-isolated", client, "ed25519");

        Assert.Equal(["transfer", "transfer", "history"], steps.Select(s => s.Step));
        foreach (var step in steps) AssertAccepted(step);
        var (toIsolated, fromIsolated, history) = (steps[0], steps[1], steps[2]);
        Assert.Contains("type=MAIN_ISOLATED_MARGIN", SignedPayload(toIsolated.Wire.Single()));
        Assert.Contains("toSymbol=BTCUSDT", SignedPayload(toIsolated.Wire.Single()));
        Assert.Contains("type=ISOLATED_MARGIN_MAIN", SignedPayload(fromIsolated.Wire.Single()));
        Assert.Contains("fromSymbol=BTCUSDT", SignedPayload(fromIsolated.Wire.Single()));

        Assert.Equal(10000m - 7m + 2.25m, sim.Balance("SPOT", "USDT"));
        Assert.Equal(50m + 7m - 2.25m, sim.Balance("ISOLATED_MARGIN", "USDT", "BTCUSDT"));
        Assert.True(history.Ids.SequenceEqual([fromIsolated.TranId!]),
            $"GET /sapi/v1/asset/transfer?type=ISOLATED_MARGIN_MAIN should list exactly tranId {fromIsolated.TranId}.\n{history.Describe()}");
        foreach (var step in steps) AssertWireFormat(step);
        sim.AssertConservedAndClean();
    }

    [NodeTheory]
    [MemberData(nameof(ClientsAndKeys))]
    public async Task A_wrong_secret_is_rejected_with_1022_and_moves_nothing(string client, string key)
    {
        await using var sim = await SimSession.StartAsync();
        var before = sim.Snapshot();

        var steps = await RunAsync(sim.Host.BaseAddress, "wrong-key", client, key);

        Assert.Equal(["transfer", "history"], steps.Select(s => s.Step));
        foreach (var step in steps) AssertRejected(step, -1022, 400);
        Assert.Equal(before, sim.Snapshot());
        sim.AssertConservedAndClean();
    }

    [NodeTheory]
    [MemberData(nameof(Clients))]
    public async Task A_key_without_permitsUniversalTransfer_gets_2015_but_may_still_read(string client)
    {
        await using var sim = await SimSession.StartAsync();
        var before = sim.Snapshot();

        var steps = await RunAsync(sim.Host.BaseAddress, "no-permission", client, "hmac");

        Assert.Equal(["transfer", "history"], steps.Select(s => s.Step));
        AssertRejected(steps[0], -2015, 401);
        AssertAccepted(steps[1]);
        Assert.Empty(steps[1].Ids);
        Assert.Equal(before, sim.Snapshot());
        sim.AssertConservedAndClean();
    }

    // Neither client lets a user pick the timestamp (@binance/connector always sends Date.now()), so a stale
    // timestamp is made the way it happens in real life: the server's clock is ahead of the client's.
    [NodeTheory]
    [MemberData(nameof(ClientsAndKeys))]
    public async Task A_client_clock_two_minutes_behind_the_server_gets_1021(string client, string key)
    {
        await using var sim = await SimSession.StartAsync(serverClockOffset: TimeSpan.FromMinutes(2));
        var before = sim.Snapshot();

        var steps = await RunAsync(sim.Host.BaseAddress, "single-transfer", client, key);

        AssertRejected(Assert.Single(steps), -1021, 400);
        Assert.Equal(before, sim.Snapshot());
        sim.AssertConservedAndClean();
    }

    [NodeTheory]
    [MemberData(nameof(Clients))]
    public async Task A_client_clock_ahead_of_the_server_gets_1021(string client)
    {
        // Binance rejects timestamp >= serverTime + 1000; ten seconds ahead is far past that.
        await using var sim = await SimSession.StartAsync(serverClockOffset: TimeSpan.FromSeconds(-10));
        var before = sim.Snapshot();

        var steps = await RunAsync(sim.Host.BaseAddress, "single-transfer", client, "hmac");

        AssertRejected(Assert.Single(steps), -1021, 400);
        Assert.Equal(before, sim.Snapshot());
        sim.AssertConservedAndClean();
    }

    [NodeTheory]
    [MemberData(nameof(Clients))]
    public async Task A_recvWindow_set_through_the_client_accepts_a_clock_30_seconds_behind(string client)
    {
        await using var sim = await SimSession.StartAsync(serverClockOffset: TimeSpan.FromSeconds(30));

        var steps = await RunAsync(sim.Host.BaseAddress, "single-transfer", client, "ed25519",
            new Dictionary<string, string> { ["FERRY_RECV_WINDOW"] = "60000" });

        var step = Assert.Single(steps);
        AssertAccepted(step);
        Assert.Contains("recvWindow=60000", SignedPayload(Assert.Single(step.Wire)));
        Assert.Equal(10000m - 12.5m, sim.Balance("SPOT", "USDT"));
        Assert.Equal(12.5m, sim.Balance("USDT_FUTURE", "USDT"));
        sim.AssertConservedAndClean();
    }

    // ccxt's own clock-offset option (options.timeDifference, which adjustForTimeDifference fills in) shifts its
    // nonce; set by hand it makes a stale timestamp against a simulator on the right time. The connector has no such knob.
    [NodeFact]
    public async Task Ccxt_timeDifference_option_makes_a_stale_timestamp_that_gets_1021()
    {
        await using var sim = await SimSession.StartAsync();
        var before = sim.Snapshot();

        var steps = await RunAsync(sim.Host.BaseAddress, "ccxt-time-difference", "ccxt", "hmac");

        AssertRejected(Assert.Single(steps), -1021, 400);
        Assert.Equal(before, sim.Snapshot());
        sim.AssertConservedAndClean();
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Runs the node driver and writes every step, with its wire requests, to the test output.</summary>
    private async Task<IReadOnlyList<ClientStep>> RunAsync(Uri simulator, string scenario, string client, string key,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var steps = await NodeDriver.RunAsync(simulator, scenario, client, key, environment);
        foreach (var step in steps) output.WriteLine(step.Describe());
        return steps;
    }

    private static void AssertAccepted(ClientStep step) =>
        Assert.True(step.Ok,
            $"The simulator rejected a request that {step.Client} signed with its {step.Key} key. The request is the client's " +
            $"own, unpatched, so this is a SIMULATOR BUG unless the client breaks Binance's rules. What went over the wire:\n" +
            step.Describe());

    private static void AssertRejected(ClientStep step, int code, int http)
    {
        Assert.False(step.Ok, $"Expected Binance error {code}, but the request was accepted.\n{step.Describe()}");
        Assert.True(step.Code == code && step.Http == http,
            $"Expected Binance error {code} with HTTP {http}.\n{step.Describe()}");
    }

    /// <summary>Pins down what each client puts on the wire, so a client upgrade that changes it is noticed.</summary>
    private static void AssertWireFormat(ClientStep step)
    {
        var request = Assert.Single(step.Wire);
        var where = step.Describe();
        if (step.Client == "connector")
        {
            // @binance/connector: every method puts all parameters and the signature in the query string, body empty.
            Assert.True(request.Body.Length == 0, where);
            Assert.Matches("(^|&)timestamp=\\d+&signature=[^&]+$", request.Query);
        }
        else if (request.Method == "POST")
        {
            // ccxt: a POST carries everything, signature last, in an application/x-www-form-urlencoded body.
            Assert.True(request.Query.Length == 0, where);
            Assert.Equal("application/x-www-form-urlencoded", request.Headers.GetValueOrDefault("content-type"));
            Assert.Matches("^timestamp=\\d+&.*&signature=[^&]+$", request.Body);
        }
        else
        {
            // ccxt: a GET carries everything in the query, timestamp first, signature last.
            Assert.Matches("^timestamp=\\d+&.*&signature=[^&]+$", request.Query);
        }

        var signature = Regex.Match(request.Query + "&" + request.Body, "signature=([^&]+)").Groups[1].Value;
        if (step.Key is "hmac" or "noperm")
        {
            Assert.Matches("^[0-9a-f]{64}$", signature); // lower-case hex, both clients
        }
        else
        {
            Assert.DoesNotMatch("[+/=]", signature); // base64, percent-encoded by both clients
            var bytes = Convert.FromBase64String(Uri.UnescapeDataString(signature));
            Assert.Equal(step.Key == "rsa" ? 256 : 64, bytes.Length);
        }
    }

    private static string SignedPayload(WireRequest request) => request.Query + request.Body;
}
