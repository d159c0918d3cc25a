using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.EndToEnd.Tests;

/// <summary>
/// The service reads a move's source wallet just before it journals the move and refuses one the wallet cannot cover,
/// naming the balance it saw: nothing journaled, nothing sent. A key that may not read leaves the decision to the exchange.
/// </summary>
public sealed class SourceBalanceEndToEndTests : IAsyncLifetime
{
    private const string Master = "master@example.com";
    private const string Alice = "alice@example.com";
    private const string FullKey = "FULLKEY0123456789abcdefFULLKEY0123456789abcdef0123456789abcdefgh";
    private const string TransferOnlyKey = "SENDKEY0123456789abcdefSENDKEY0123456789abcdef0123456789abcdefgh";
    private const string Secret = "SECRET0123456789abcdefSECRET0123456789abcdefSECRET0123456789abcd";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ferry-source-balance-" + Guid.NewGuid().ToString("N"));
    private SimulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "{{{Master}}}",
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "{{{FullKey}}}", "secret": "{{{Secret}}}", "permissions": ["enableReading", "permitsUniversalTransfer", "enableInternalTransfer", "enableSpotAndMarginTrading", "enableFutures"]},
                {"owner": "{{{Master}}}", "apiKey": "{{{TransferOnlyKey}}}", "secret": "{{{Secret}}}", "permissions": ["permitsUniversalTransfer"]}],
              "subAccounts": [{"email": "{{{Alice}}}", "futures": true}],
              "balances": [{"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100"},
                           {"owner": "{{{Master}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "7.5"},
                           {"owner": "{{{Alice}}}", "wallet": "SPOT", "asset": "USDT", "amount": "20"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private TransferService Service(string apiKey) => new(new TransferServiceOptions
    {
        Accounts = [new AccountDefinition("main", Venue.Binance, AccountEnvironment.Sim, _host.BaseAddress,
            new ApiCredentials(apiKey, new SecretText(Secret), SigningKind.Hmac), Master, SubAccounts: [Alice])],
        OpenJournal = _ => ValueTask.FromResult<ITransferJournal>(SqliteTransferJournal.Open(Path.Combine(_folder, "journal.db"))),
        Venues = new LoopbackVenueConnector(),
    });

    private static TransferRequest Move(decimal amount, string from, string to) => new(amount, "USDT", WalletAddress.Parse(from), WalletAddress.Parse(to));

    private decimal Held(string owner, string wallet) =>
        _host.Balances().Where(b => string.Equals(b.Owner, owner, StringComparison.OrdinalIgnoreCase) && b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);

    [Theory]
    [InlineData("100.00000001", "spot", "usdm", "'spot' holds 100 USDT that can move now, less than the 100.00000001 USDT to move; nothing was sent.")]
    [InlineData("8", "margin", "alice@example.com/usdm", "'margin' holds 7.5 USDT that can move now, less than the 8 USDT to move; nothing was sent.")]
    [InlineData("21", "alice@example.com/spot", "spot", "'alice@example.com/spot' holds 20 USDT that can move now, less than the 21 USDT to move; nothing was sent.")]
    public async Task A_move_its_source_cannot_cover_is_refused_with_the_balance_seen_and_nothing_journaled(string amount, string from, string to, string sentence)
    {
        await using var service = Service(FullKey);
        var proposal = await service.PlanAsync(Move(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), from, to), "main", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<TransferRefusedException>(() => service.ExecuteAsync(proposal, CancellationToken.None));

        Assert.Equal(sentence, refused.Message);
        Assert.Empty(await service.ListAsync());
        Assert.Empty(_host.History());
        Assert.Equal((100m, 7.5m, 20m), (Held(Master, "SPOT"), Held(Master, "MARGIN"), Held(Alice, "SPOT")));
    }

    [Fact]
    public async Task Exactly_the_balance_moves()
    {
        await using var service = Service(FullKey);
        var run = await service.ExecuteAsync(await service.PlanAsync(Move(100m, "spot", "usdm"), "main", CancellationToken.None), CancellationToken.None);
        Assert.Equal(OutcomeKind.Done, run.LastSend!.Kind);
        Assert.Equal(0m, Held(Master, "SPOT"));
    }

    [Fact]
    public async Task A_key_that_may_not_read_leaves_the_decision_to_the_exchange()
    {
        await using var service = Service(TransferOnlyKey);
        var run = await service.ExecuteAsync(await service.PlanAsync(Move(150m, "spot", "usdm"), "main", CancellationToken.None), CancellationToken.None);

        Assert.Equal((OutcomeKind.Rejected, "-5002"), (run.LastSend!.Kind, run.LastSend.ErrorCode));
        Assert.Equal(LegState.Rejected, run.Entry!.State);
        Assert.Equal(100m, Held(Master, "SPOT"));
    }
}
