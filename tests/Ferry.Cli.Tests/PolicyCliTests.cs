using System.Diagnostics;
using System.Text.Json;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Tests;

/// <summary>
/// <c>ferry policy check|show|init</c> and the policy enforced on the CLI's moves: a blocked move is exit 4 with one
/// sentence naming the rule and the budget left, nothing journaled or sent; a bad policy file is exit 2 naming the line
/// and field; and several real <c>ferry</c> processes racing one cap never pass it.
/// </summary>
public sealed class PolicyCliTests : IAsyncLifetime, IDisposable
{
    private const string Master = "master@example.com";
    private const string Bob = "bob@example.com";

    private readonly CliRun _cli = new();
    private SimulatorHost _host = null!;
    private IReadOnlyDictionary<string, decimal> _seeded = new Dictionary<string, decimal>();

    public async Task InitializeAsync()
    {
        var scenario = ScenarioDocument.Parse($$$"""
            {"binance": {
              "master": "{{{Master}}}",
              "subAccounts": [{"email": "{{{Bob}}}", "margin": true}],
              "apiKeys": [
                {"owner": "{{{Master}}}", "apiKey": "policy-master-key", "secret": "policy-master-secret",
                 "permissions": ["enableReading", "enableInternalTransfer", "enableSpotAndMarginTrading", "permitsUniversalTransfer"]}],
              "balances": [
                {"owner": "{{{Master}}}", "wallet": "SPOT", "asset": "USDT", "amount": "100000"},
                {"owner": "{{{Master}}}", "wallet": "MARGIN", "asset": "USDT", "amount": "1000"}]}}
            """);
        _host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = scenario });
        _seeded = _host.Totals();
        _cli.Environment["USER"] = "alice";
        _cli.WriteAccounts($$"""
            {"accounts":[{"name":"main","environment":"sim","baseAddress":"{{_host.BaseAddress}}","apiKey":"policy-master-key","secret":"policy-master-secret",
              "email":"{{Master}}","subAccounts":["{{Bob}}"]}]}
            """);
    }

    public async Task DisposeAsync()
    {
        try
        {
            Assert.Empty(_host.Audit());
            Assert.Equal(_seeded, _host.Totals());
        }
        finally
        {
            await _host.DisposeAsync();
        }
    }

    public void Dispose() => _cli.Dispose();

    private string PolicyPath => Path.Combine(_cli.Home, "policy.yaml");

    private decimal Balance(string owner, string wallet) =>
        _host.Balances(owner).Where(b => b.Wallet == wallet && b.Asset == "USDT").Sum(b => b.Amount);

    private async Task<JsonElement> JournalAsync()
    {
        var list = await _cli.RunAsync("journal", "list", "--json");
        Assert.True(list.ExitCode == 0, list.All);
        return JsonDocument.Parse(list.Out).RootElement.GetProperty("entries");
    }

    private const string PersonCap = """
        default: allow
        rules:
          - name: person-daily-cap
            match: { requester: person, asset: USDT }
            limit:
              rolling: { period: 24h, max: 10 }
            action: block
        """;

    [Fact]
    public async Task Init_writes_a_starting_policy_check_explains_it_and_a_second_init_changes_nothing()
    {
        var none = await _cli.RunAsync("policy", "check");
        Assert.True(none.ExitCode == 0, none.All);
        Assert.Contains("There is no policy file", none.Out, StringComparison.Ordinal);

        var init = await _cli.RunAsync("policy", "init");
        Assert.True(init.ExitCode == 0, init.All);
        var written = await File.ReadAllTextAsync(PolicyPath);

        var check = await _cli.RunAsync("policy", "check");
        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("Rule 'agents-simulator-only' (line 7) blocks moves by agents on mainnet or testnet accounts.", check.Out, StringComparison.Ordinal);
        Assert.Contains("Rule 'large-mainnet-moves'", check.Out, StringComparison.Ordinal);

        var again = await _cli.RunAsync("policy", "init");
        Assert.Equal(4, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(written, await File.ReadAllTextAsync(PolicyPath));

        var show = await _cli.RunAsync("policy", "show", "--json");
        Assert.True(show.ExitCode == 0, show.All);
        var doc = JsonDocument.Parse(show.Out).RootElement;
        Assert.Equal("allow", doc.GetProperty("default").GetString());
        var rules = doc.GetProperty("rules");
        Assert.Equal(["agents-simulator-only", "agent-daily-cap", "large-mainnet-moves"], rules.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("1000", rules[1].GetProperty("limit").GetProperty("rolling").GetProperty("max").GetString());
        Assert.Equal(86400, rules[1].GetProperty("limit").GetProperty("rolling").GetProperty("periodSeconds").GetInt64());
        Assert.Equal("require-approval", rules[2].GetProperty("action").GetString());
    }

    [Fact]
    public async Task A_bad_policy_file_is_exit_2_naming_line_and_field_and_no_move_runs_under_it()
    {
        await File.WriteAllTextAsync(PolicyPath, "default: allow\nrules:\n  - name: cap\n    action: block\n    limit:\n      rolling:\n        max: 1e3\n        period: 24h\n");
        var check = await _cli.RunAsync("policy", "check");
        Assert.Equal(2, check.ExitCode);
        Assert.Equal("ferry: policy.yaml line 7: 'max' must be a plain positive decimal, not '1e3'.", check.Error.Trim());

        var spot = Balance(Master, "SPOT");
        var transfer = await _cli.RunAsync("transfer", "1", "USDT", "--from", "spot", "--to", "margin");
        Assert.Equal(2, transfer.ExitCode);
        Assert.Contains("policy.yaml line 7: 'max' must be a plain positive decimal, not '1e3'.", transfer.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await JournalAsync()).GetArrayLength());
        Assert.Equal(spot, Balance(Master, "SPOT"));
    }

    [Fact]
    public async Task A_move_past_the_cap_is_refused_naming_the_rule_and_what_is_left_and_nothing_is_sent()
    {
        await File.WriteAllTextAsync(PolicyPath, PersonCap);
        var first = await _cli.RunAsync("transfer", "7", "USDT", "--from", "spot", "--to", "margin");
        Assert.True(first.ExitCode == 0, first.All);
        var spot = Balance(Master, "SPOT");

        var second = await _cli.RunAsync("transfer", "5", "USDT", "--from", "spot", "--to", "margin", "--json");
        Assert.Equal(4, second.ExitCode);
        Assert.Contains("Rule 'person-daily-cap' blocks this: 24 h of moves of USDT by persons would reach 12 of 10 (3 left); nothing was sent.", second.All, StringComparison.Ordinal);
        Assert.Equal(spot, Balance(Master, "SPOT"));
        var entries = await JournalAsync();
        Assert.Equal(1, entries.GetArrayLength());
        Assert.Equal("person:alice", entries[0].GetProperty("requester").GetString());

        var fits = await _cli.RunAsync("transfer", "3", "USDT", "--from", "spot", "--to", "margin");
        Assert.True(fits.ExitCode == 0, fits.All);
    }

    [Fact]
    public async Task Resuming_a_route_is_judged_again_under_the_policy_in_force()
    {
        // Bob has no futures: leg 2 (master's usdm → bob's usdm) is refused and the route stops halfway.
        var stopped = await _cli.RunAsync("transfer", "7", "USDT", "--from", "margin", "--to", $"{Bob}/usdm");
        Assert.True(stopped.ExitCode == 1, stopped.All);
        Assert.True((await _cli.RunAsync("sub", "enable-futures", Bob)).ExitCode == 0);
        await File.WriteAllTextAsync(PolicyPath, "default: allow\nrules:\n  - name: nothing-to-bob\n    match: { to: '*@example.com', requester: person:alice }\n    action: block\n");

        var resume = await _cli.RunAsync("journal", "resume", "latest");
        Assert.Equal(4, resume.ExitCode);
        Assert.Contains("Rule 'nothing-to-bob' blocks this move; nothing was sent.", resume.Error, StringComparison.Ordinal);
        Assert.Equal(0m, _host.Balances(Bob).Where(b => b.Asset == "USDT").Sum(b => b.Amount));

        // Without the rule the same resume completes: it was the policy that refused it.
        File.Delete(PolicyPath);
        var done = await _cli.RunAsync("journal", "resume", "latest");
        Assert.True(done.ExitCode == 0, done.All);
    }

    [Fact]
    public async Task Several_ferry_processes_racing_one_cap_never_pass_it_and_the_refused_name_the_rule()
    {
        await File.WriteAllTextAsync(PolicyPath, """
            default: allow
            rules:
              - name: three-moves
                match: { requester: person }
                limit:
                  rolling: { period: 1h, max: 3 }
                action: block
            """);
        var ferryDll = Path.Combine(AppContext.BaseDirectory, "ferry.dll");
        var margin = Balance(Master, "MARGIN");
        var processes = Enumerable.Range(0, 6).Select(_ =>
        {
            var start = new ProcessStartInfo("dotnet", [ferryDll, "transfer", "1", "USDT", "--from", "spot", "--to", "margin"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["FERRY_HOME"] = _cli.Home;
            start.Environment["USER"] = "alice";
            return Process.Start(start)!;
        }).ToList();
        var results = new List<(int Code, string Out, string Error)>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            foreach (var p in processes)
            {
                var output = p.StandardOutput.ReadToEndAsync(timeout.Token);
                var error = p.StandardError.ReadToEndAsync(timeout.Token);
                await p.WaitForExitAsync(timeout.Token);
                results.Add((p.ExitCode, await output, await error));
            }
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.Dispose();
            }
        }

        var summary = string.Join("\n", results.Select(r => $"{r.Code}: {r.Error.Trim()}"));
        Assert.True(results.Count(r => r.Code == 0) == 3, summary);
        Assert.All(results.Where(r => r.Code != 0), r =>
        {
            Assert.Equal(4, r.Code);
            Assert.Contains("Rule 'three-moves' blocks this: 1 h of moves of USDT by persons would reach 4 of 3 (0 left); nothing was sent.", r.Error, StringComparison.Ordinal);
        });
        Assert.Equal(margin + 3m, Balance(Master, "MARGIN"));
        Assert.Equal(3, (await JournalAsync()).GetArrayLength());
    }
}
