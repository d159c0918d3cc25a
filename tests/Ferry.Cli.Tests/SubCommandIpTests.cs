using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary><c>ferry sub ip show|add|remove</c> against a running simulator whose alice has her own key.</summary>
public sealed class SubCommandIpTests : IAsyncLifetime, IDisposable
{
    private const string AliceKey = "alice-cli-key-0123456789";
    private readonly CliRun _cli = new();
    private SimulatorHost? _host;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(new SimulatorOptions
    {
        Scenario = ScenarioDocument.Parse($$$"""
            {"binance": {"master": "master@example.com", "subAccounts": [{"email": "alice@example.com"}],
              "apiKeys": [
                {"owner": "master@example.com", "apiKey": "master-cli-key", "secret": "master-cli-secret", "permissions": ["enableReading"]},
                {"owner": "alice@example.com", "apiKey": "{{{AliceKey}}}", "secret": "alice-cli-secret", "permissions": ["enableReading"]}]}}
            """),
    });

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public void Dispose() => _cli.Dispose();

    private void Accounts() => _cli.WriteAccounts($$"""
        {"accounts":[
          {"name":"main","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"master-cli-key","secret":"master-cli-secret","email":"master@example.com"},
          {"name":"alice","environment":"sim","baseAddress":"{{_host!.BaseAddress}}","apiKey":"{{AliceKey}}","secret":"alice-cli-secret","email":"alice@example.com"}]}
        """);

    [Fact]
    public async Task Add_show_remove_and_the_restricted_key_is_refused_from_an_unlisted_address()
    {
        Accounts();
        var add = await _cli.RunAsync("sub", "ip", "add", "alice@example.com", AliceKey, "10.0.0.1,10.0.0.2", "--json");
        Assert.Equal(0, add.ExitCode);
        var result = JsonDocument.Parse(add.Out).RootElement.GetProperty("result");
        Assert.Equal("2", result.GetProperty("status").GetString());
        Assert.Equal("alice...6789", result.GetProperty("apiKey").GetString());
        Assert.DoesNotContain(AliceKey, add.All);

        var refused = await _cli.RunAsync("history", "--type", "MAIN_FUNDING", "--account", "alice", "--json");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("-2015", refused.Out);

        Assert.Equal(0, (await _cli.RunAsync("sub", "ip", "add", "alice@example.com", AliceKey, "127.0.0.1")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("history", "--type", "MAIN_FUNDING", "--account", "alice")).ExitCode);

        var remove = await _cli.RunAsync("sub", "ip", "remove", "alice@example.com", AliceKey, "127.0.0.1", "10.0.0.2");
        Assert.Equal(0, remove.ExitCode);
        Assert.Contains("10.0.0.1", remove.Out);
        Assert.DoesNotContain(AliceKey, remove.All);
        var show = JsonDocument.Parse((await _cli.RunAsync("sub", "ip", "show", "alice@example.com", AliceKey, "--json")).Out).RootElement;
        Assert.Equal(["10.0.0.1"], show.GetProperty("result").GetProperty("ipList").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("true", show.GetProperty("result").GetProperty("ipRestrict").GetString());

        Assert.Equal(0, (await _cli.RunAsync("sub", "ip", "add", "alice@example.com", AliceKey, "--unrestricted")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("history", "--type", "MAIN_FUNDING", "--account", "alice")).ExitCode);
    }

    [Theory]
    [InlineData("sub", "ip", "add", "alice@example.com", AliceKey, "1.2.3")]
    [InlineData("sub", "ip", "add", "alice@example.com", AliceKey, "10.0.0.0/8")]
    [InlineData("sub", "ip", "add", "alice@example.com", AliceKey)]
    [InlineData("sub", "ip", "remove", "alice@example.com", AliceKey, "nope")]
    [InlineData("sub", "ip", "show", "alice", AliceKey)]
    public async Task Bad_input_is_exit_code_2_and_nothing_changes(params string[] args)
    {
        Accounts();
        var run = await _cli.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        var show = JsonDocument.Parse((await _cli.RunAsync("sub", "ip", "show", "alice@example.com", AliceKey, "--json")).Out).RootElement;
        Assert.Equal("false", show.GetProperty("result").GetProperty("ipRestrict").GetString());
    }

    [Fact]
    public async Task A_sub_account_key_cannot_manage_ips()
    {
        Accounts();
        var run = await _cli.RunAsync("sub", "ip", "add", "alice@example.com", AliceKey, "127.0.0.1", "--account", "alice", "--json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Sub-account function is not enabled.", JsonDocument.Parse(run.Out).RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_mainnet_change_without_consent_is_refused_and_nothing_is_sent()
    {
        _cli.WriteAccounts("""{"accounts":[{"name":"main","environment":"mainnet","apiKey":"mainnet-key-0123456789","secret":"mainnet-secret-0123456789"}]}""");
        var run = await _cli.RunAsync("sub", "create", "desk1");
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("--confirm", run.Error);
        Assert.DoesNotContain("mainnet-key-0123456789", run.All);
    }
}
