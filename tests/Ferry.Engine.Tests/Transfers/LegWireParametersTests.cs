using Ferry.Binance;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Engine.Addresses;
using Ferry.Engine.Transfers;
using Ferry.Htx;
using Ferry.Htx.Transfers;
using Microsoft.Extensions.Time.Testing;

namespace Ferry.Engine.Tests.Transfers;

/// <summary>
/// Pins, per leg kind, the parameter list the engine describes (the journal stores it and rebuilds legs from it on resume,
/// so it must not change) and checks that it is exactly what the client puts on the wire, less the authentication.
/// </summary>
public sealed class LegWireParametersTests : IDisposable
{
    private static readonly HashSet<string> Authentication = ["timestamp", "recvWindow", "signature",
        "AccessKeyId", "SignatureMethod", "SignatureVersion", "Timestamp", "Signature"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly WireCaptureHandler _wire;

    public LegWireParametersTests() => _wire = new WireCaptureHandler(_time);

    public void Dispose() => _wire.Dispose();

    public static TheoryData<string> BinanceLegs() => [.. Legs.Keys];

    private static readonly Dictionary<string, (TransferLeg Leg, KeyValuePair<string, string>[] Expected)> Legs = new()
    {
        ["wallet"] = (new WalletTransferLeg(new WalletTransferPlan("main", Address("isolated:BTCUSDT"), Address("margin"), "USDT", 12.5m,
                UniversalTransferType.IsolatedMarginMargin, "BTCUSDT", null)),
            [P("type", "ISOLATEDMARGIN_MARGIN"), P("asset", "USDT"), P("amount", "12.5"), P("fromSymbol", "BTCUSDT")]),
        ["sub-universal"] = (new SubAccountUniversalTransferLeg("main", Address("alice@example.com/isolated:BTCUSDT"), Address("bob@example.com/spot"),
                new SubAccountUniversalTransferRequest(SubAccountAccountType.IsolatedMargin, SubAccountAccountType.Spot, "USDT", 0.00000001m)
                {
                    FromEmail = "alice@example.com", ToEmail = "bob@example.com", ClientTranId = "ferry-0123456789abcdef", Symbol = "BTCUSDT",
                }),
            [P("fromEmail", "alice@example.com"), P("toEmail", "bob@example.com"), P("fromAccountType", "ISOLATED_MARGIN"),
             P("toAccountType", "SPOT"), P("clientTranId", "ferry-0123456789abcdef"), P("symbol", "BTCUSDT"), P("asset", "USDT"),
             P("amount", "0.00000001")]),
        ["sub-universal-master"] = (new SubAccountUniversalTransferLeg("main", Address("spot"), Address("alice@example.com/usdm"),
                new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.UsdtFuture, "USDT", 100m)
                {
                    ToEmail = "alice@example.com", ClientTranId = null,
                }),
            [P("toEmail", "alice@example.com"), P("fromAccountType", "SPOT"), P("toAccountType", "USDT_FUTURE"), P("asset", "USDT"), P("amount", "100")]),
        ["sub-margin"] = (new SubAccountMarginTransferLeg("main", Address("alice@example.com/spot"), Address("alice@example.com/margin"),
                new SubAccountMarginTransferRequest("alice@example.com", "BTC", 1.25m, SubAccountMarginTransferType.SpotToMargin)),
            [P("email", "alice@example.com"), P("asset", "BTC"), P("amount", "1.25"), P("type", "1")]),
        ["sub-futures"] = (new SubAccountFuturesTransferLeg("main", Address("alice@example.com/coinm"), Address("alice@example.com/spot"),
                new SubAccountFuturesTransferRequest("alice@example.com", "BTC", 3m, SubAccountFuturesTransferType.CoinFutureToSpot)),
            [P("email", "alice@example.com"), P("asset", "BTC"), P("amount", "3"), P("type", "4")]),
        ["sub-futures-internal"] = (new SubAccountFuturesInternalTransferLeg("main", Address("alice@example.com/usdm"), Address("bob@example.com/usdm"),
                new SubAccountFuturesInternalTransferRequest("alice@example.com", "bob@example.com", SubAccountFuturesType.UsdtMargined, "USDT", 7.1m)),
            [P("fromEmail", "alice@example.com"), P("toEmail", "bob@example.com"), P("futuresType", "1"), P("asset", "USDT"), P("amount", "7.1")]),
        ["sub-to-master"] = (new SubAccountToMasterLeg("alice", Address("alice@example.com/spot"), Address("spot"), new SubAccountToMasterRequest("USDT", 40m)),
            [P("asset", "USDT"), P("amount", "40")]),
        ["sub-to-sub"] = (new SubAccountToSubAccountLeg("alice", Address("alice@example.com/spot"), Address("bob@example.com/spot"),
                new SubAccountToSubAccountRequest("bob@example.com", "USDT", 0.5m)),
            [P("toEmail", "bob@example.com"), P("asset", "USDT"), P("amount", "0.5")]),
        ["managed-deposit"] = (ManagedSubAccountLegs.Deposit("main", "master@example.com", "fund@example.com", "USDT", 12.5m),
            [P("toEmail", "fund@example.com"), P("asset", "USDT"), P("amount", "12.5")]),
        ["managed-withdraw"] = (ManagedSubAccountLegs.Withdraw("main", "master@example.com", "fund@example.com", "BTC", 0.1m,
                new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero)),
            [P("fromEmail", "fund@example.com"), P("asset", "BTC"), P("amount", "0.1"), P("transferDate", "1798675200000")]),
        ["managed-withdraw-now"] = (ManagedSubAccountLegs.Withdraw("main", null, "fund@example.com", "BTC", 0.1m, null),
            [P("fromEmail", "fund@example.com"), P("asset", "BTC"), P("amount", "0.1")]),
    };

    [Fact]
    public void Every_endpoint_kind_is_pinned()
    {
        Assert.Equal(Enum.GetValues<TransferEndpointKind>().Order(), Legs.Values.Select(l => l.Leg.Kind).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(BinanceLegs))]
    public async Task A_binance_leg_describes_exactly_what_the_client_sends(string name)
    {
        var (leg, expected) = Legs[name];
        Assert.Equal(expected, leg.Parameters);
        Assert.Equal(expected, leg.Describe().Parameters);

        using var client = new BinanceClient(new ApiCredentials("k" + new string('x', 63), new SecretText(new string('s', 64)), SigningKind.Hmac),
            new BinanceClientOptions { Time = _time }, _wire);
        await TransferLegExecutor.ExecuteAsync(client, leg, CancellationToken.None);
        Assert.Equal(expected, _wire.Sent.Where(p => !Authentication.Contains(p.Key)));
    }

    [Theory]
    [InlineData("htx:spot", "htx:swap", "USDT", "spot", "linear-swap", "USDT")]
    [InlineData("htx:swap:BTC-USDT", "htx:spot", "USDT", "linear-swap", "spot", "BTC-USDT")]
    public async Task An_htx_leg_describes_exactly_what_the_client_sends(string from, string to, string asset, string fromWire, string toWire, string margin)
    {
        var plan = HtxTransferPlanner.Plan(new TransferRequest(2.75m, asset, Address(from), Address(to)), "h", Venue.Htx);
        KeyValuePair<string, string>[] expected =
            [P("from", fromWire), P("to", toWire), P("currency", "usdt"), P("amount", "2.75"), P("margin-account", margin)];
        Assert.Equal(expected, plan.Parameters);
        Assert.Equal(expected, plan.Describe().Parameters);

        using var client = new HtxClient(new ApiCredentials("a" + new string('x', 31), new SecretText(new string('s', 32)), SigningKind.Hmac),
            new HtxClientOptions { Time = _time }, _wire);
        await HtxTransferExecutor.ExecuteAsync(client, plan, CancellationToken.None);
        Assert.Equal(expected, _wire.Sent.Where(p => !Authentication.Contains(p.Key)));
    }

    private static KeyValuePair<string, string> P(string name, string value) => new(name, value);

    private static WalletAddress Address(string text) =>
        WalletAddress.TryParse(text, out var address, out var error) ? address : throw new ArgumentException(error);
}
