using System.Net;
using System.Reflection;
using System.Text.Json;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Tests.Support;

namespace Ferry.Simulator.Tests;

/// <summary>The admin endpoints a tool reads instead of the simulator's types: who the accounts are
/// (<c>/_sim/accounts</c>), which endpoint writes each history channel (<c>/_sim/channels</c>), the committed moves
/// (<c>/_sim/moves</c>) and the auditor's findings (<c>/_sim/audit</c>).</summary>
public sealed class AdminInventoryTests : SimTestBase
{
    [Fact]
    public async Task Accounts_name_the_master_and_its_sub_accounts_in_sub_user_id_order()
    {
        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/accounts"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var binance = reply.Json.GetProperty("binance");
        Assert.Equal(TestScenario.Master, binance.GetProperty("master").GetString());
        var subs = binance.GetProperty("subAccounts").EnumerateArray().ToList();
        Assert.Equal([TestScenario.Alice, TestScenario.Bob], subs.Select(s => s.GetProperty("email").GetString()));
        Assert.All(subs, s => Assert.False(s.GetProperty("virtual").GetBoolean()));
        Assert.All(subs, s => Assert.False(s.GetProperty("managed").GetBoolean()));
        Assert.Empty(reply.Json.GetProperty("htx").GetProperty("users").EnumerateArray());
    }

    [Fact]
    public async Task Accounts_show_a_virtual_sub_account_created_while_running()
    {
        var created = await SignedAsync(HttpMethod.Post, "sapi/v1/sub-account/virtualSubAccount", [("subAccountString", "desk")], TestScenario.HmacAll);
        Assert.Equal(HttpStatusCode.OK, created.Status);

        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/accounts"));

        var last = reply.Json.GetProperty("binance").GetProperty("subAccounts").EnumerateArray().Last();
        Assert.Equal(created.Json.GetProperty("email").GetString(), last.GetProperty("email").GetString());
        Assert.True(last.GetProperty("virtual").GetBoolean());
    }

    [Fact]
    public async Task Accounts_mark_managed_sub_accounts_and_list_htx_users()
    {
        var scenario = ScenarioDocument.Parse("""
            {"binance": {"master": "master@example.com", "subAccounts": [{"email": "alice@example.com"}],
              "managedSubAccounts": [{"email": "fund@example.com", "tradingTeam": "team@example.com"}],
              "apiKeys": [], "balances": []},
             "htx": {"users": [{"email": "master@example.com", "uid": 20000007, "spotAccountId": 30000009}], "apiKeys": [], "balances": []}}
            """);
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, Time = Clock });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var reply = await SimReply.ReadAsync(await http.GetAsync("_sim/accounts"));

        var subs = reply.Json.GetProperty("binance").GetProperty("subAccounts").EnumerateArray()
            .ToDictionary(s => s.GetProperty("email").GetString()!, s => s.GetProperty("managed").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["alice@example.com"] = false, ["fund@example.com"] = true }, subs);
        var user = Assert.Single(reply.Json.GetProperty("htx").GetProperty("users").EnumerateArray());
        Assert.Equal("master@example.com", user.GetProperty("email").GetString());
        Assert.Equal(20000007, user.GetProperty("uid").GetInt64());
        Assert.Equal(30000009, user.GetProperty("spotAccountId").GetInt64());
    }

    [Fact]
    public async Task Accounts_of_an_htx_only_simulator_have_no_binance_master()
    {
        var scenario = ScenarioDocument.Parse("""{"htx": {"users": [{"email": "h@example.com"}], "apiKeys": [], "balances": []}}""");
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario, Time = Clock });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var reply = await SimReply.ReadAsync(await http.GetAsync("_sim/accounts"));

        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("binance").GetProperty("master").ValueKind);
        Assert.Empty(reply.Json.GetProperty("binance").GetProperty("subAccounts").EnumerateArray());
        Assert.Equal("h@example.com", Assert.Single(reply.Json.GetProperty("htx").GetProperty("users").EnumerateArray()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task Channels_name_the_endpoint_behind_every_channel_a_move_can_carry()
    {
        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/channels"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var rows = reply.Json.EnumerateArray().ToDictionary(
            r => r.GetProperty("channel").GetString()!,
            r => $"{r.GetProperty("venue").GetString()} {r.GetProperty("method").GetString()} {r.GetProperty("path").GetString()}");
        Assert.Equal("binance POST /sapi/v1/asset/transfer", rows[MoveChannels.UniversalTransfer]);
        Assert.Equal("binance POST /sapi/v1/sub-account/universalTransfer", rows[MoveChannels.SubAccountUniversalTransfer]);
        Assert.Equal("htx POST /v2/account/transfer", rows[MoveChannels.HtxSpotSwapTransfer]);
        Assert.Equal("binance POST /sapi/v1/managed-subaccount/deposit", rows[ManagedMoveChannels.Deposit]);
        var declared = typeof(MoveChannels).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Append(ManagedMoveChannels.Deposit).Append(ManagedMoveChannels.Withdraw);
        Assert.Equal(declared.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Moves_list_every_committed_move_with_its_channel_wallets_and_string_amount()
    {
        await TransferAsync("MAIN_FUNDING", "0.25", asset: "BTC");
        await SignedAsync(HttpMethod.Post, "sapi/v1/sub-account/universalTransfer",
            [("toEmail", TestScenario.Alice), ("fromAccountType", "SPOT"), ("toAccountType", "SPOT"), ("asset", "USDT"), ("amount", "1.5"), ("clientTranId", "admin-moves-1")],
            TestScenario.HmacAll);

        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/moves"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var rows = reply.Json.EnumerateArray().ToList();
        Assert.Equal(Host.History().Select(m => m.Id), rows.Select(r => r.GetProperty("id").GetInt64()));
        var wallet = rows.Single(r => r.GetProperty("channel").GetString() == MoveChannels.UniversalTransfer);
        Assert.Equal("MAIN_FUNDING", wallet.GetProperty("type").GetString());
        Assert.Equal("BTC", wallet.GetProperty("asset").GetString());
        Assert.Equal("0.25", wallet.GetProperty("amount").GetString());
        Assert.Equal(TestScenario.Master, wallet.GetProperty("from").GetProperty("owner").GetString());
        Assert.Equal("SPOT", wallet.GetProperty("from").GetProperty("wallet").GetString());
        Assert.Equal("FUNDING", wallet.GetProperty("to").GetProperty("wallet").GetString());
        Assert.Equal(JsonValueKind.Null, wallet.GetProperty("clientId").ValueKind);
        Assert.Equal(Clock.NowMs, wallet.GetProperty("timestampMs").GetInt64());
        var sub = rows.Single(r => r.GetProperty("channel").GetString() == MoveChannels.SubAccountUniversalTransfer);
        Assert.Equal("admin-moves-1", sub.GetProperty("clientId").GetString());
        Assert.Equal(TestScenario.Alice, sub.GetProperty("to").GetProperty("owner").GetString());
        Assert.Equal("1.5", sub.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Audit_is_an_empty_list_while_the_ledger_holds_together()
    {
        await TransferAsync("MAIN_UMFUTURE", "10");

        var reply = await SimReply.ReadAsync(await Http.GetAsync("_sim/audit"));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(JsonValueKind.Array, reply.Json.ValueKind);
        Assert.Empty(reply.Json.EnumerateArray());
    }
}
