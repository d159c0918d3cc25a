using Ferry.Binance;
using Ferry.Binance.Wallet;
using Ferry.Cli.Sessions;
using Ferry.Core.Credentials;
using Ferry.Simulator;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>What the CLI can learn about a simulator knowing only its base address: the accounts routing needs, the
/// move channels and committed moves the soak attributes, and the auditor's findings.</summary>
public sealed class SimulatorAdminClientTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Accounts_give_the_demo_scenarios_master_and_sub_accounts_without_reading_the_scenario()
    {
        var accounts = await new SimulatorAdminClient(_host.BaseAddress).AccountsAsync(CancellationToken.None);

        var demo = ScenarioDocument.Demo();
        Assert.Equal(demo.Binance!.Master, accounts.BinanceMaster);
        Assert.Equal(demo.Binance.SubAccounts.Select(s => s.Email),
            accounts.SubAccounts.Where(s => !s.Virtual && !s.Managed).Select(s => s.Email));
        Assert.Equal(demo.Htx!.Users.Select(u => (u.Email, u.Uid, u.SpotAccountId)),
            accounts.HtxUsers.Select(u => (u.Email, u.Uid, u.SpotAccountId)));
    }

    [Fact]
    public async Task Channels_name_the_endpoints_of_the_soaks_moves()
    {
        var channels = await new SimulatorAdminClient(_host.BaseAddress).ChannelsAsync(CancellationToken.None);

        var byChannel = channels.ToDictionary(c => c.Channel, c => (c.Venue, c.Method, c.Path));
        Assert.Equal(("binance", "POST", "/sapi/v1/asset/transfer"), byChannel[MoveChannels.UniversalTransfer]);
        Assert.Equal(("binance", "POST", "/sapi/v1/sub-account/universalTransfer"), byChannel[MoveChannels.SubAccountUniversalTransfer]);
        Assert.Equal(("htx", "POST", "/v2/account/transfer"), byChannel[MoveChannels.HtxSpotSwapTransfer]);
    }

    [Fact]
    public async Task Moves_and_audit_read_what_the_host_itself_sees()
    {
        using var binance = new BinanceClient(new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac),
            new BinanceClientOptions { BaseAddress = _host.BaseAddress });
        Assert.True((await binance.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainFunding, "USDT", 1.000001m))).IsDone);
        var admin = new SimulatorAdminClient(_host.BaseAddress);

        var moves = await admin.MovesAsync(CancellationToken.None);
        var audit = await admin.AuditAsync(CancellationToken.None);

        var move = Assert.Single(moves);
        var expected = Assert.Single(_host.History());
        Assert.Equal((expected.Id, expected.TimestampMs, expected.Channel, expected.Type, expected.Asset, expected.Amount, expected.ClientId),
            (move.Id, move.TimestampMs, move.Channel, move.Type, move.Asset, move.Amount, move.ClientId));
        Assert.Equal(new SimulatorAdminClient.MoveWallet("master@example.com", "SPOT", null), move.From);
        Assert.Equal(new SimulatorAdminClient.MoveWallet("master@example.com", "FUNDING", null), move.To);
        Assert.Empty(audit);
        Assert.Empty(_host.Audit());
    }
}
