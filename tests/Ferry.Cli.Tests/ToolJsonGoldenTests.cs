using System.Text.RegularExpressions;
using Ferry.Cli.Mcp;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Engine.Journal;

namespace Ferry.Cli.Tests;

/// <summary>
/// The exact JSON of <c>ferry demo</c>, <c>ferry sim soak</c>, <c>ferry sim serve</c>, the error object every command
/// prints with --json, the reconcile progress line and the MCP consent details.
/// </summary>
public sealed partial class ToolJsonGoldenTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_demo_document_keeps_its_shape()
    {
        var golden = new JsonGolden("demo");
        golden.Add(["demo"], await _cli.RunAsync("demo", "--json"));
        golden.Verify();
    }

    [Fact]
    public async Task The_soak_document_keeps_its_shape()
    {
        var golden = new JsonGolden("soak");
        string[] args = ["sim", "soak", "--transfers", "20", "--fault-rate", "0.2", "--seed", "3"];
        golden.Add(args, await _cli.RunAsync([.. args, "--json"]));
        string[] bad = ["sim", "soak", "--transfers", "0"];
        golden.Add(bad, await _cli.RunAsync([.. bad, "--json"]));
        golden.Verify();
    }

    [Fact]
    public async Task The_sim_serve_line_keeps_its_shape()
    {
        var golden = new JsonGolden("sim-serve");
        var scenario = Path.Combine(_cli.Home, "scenario.json");
        File.WriteAllText(scenario, """{"binance": {"master": "solo@example.com"}}""");
        string[][] runs =
        [
            ["sim", "serve", "--port", "0"],
            ["sim", "serve", "--port", "0", "--faults", "fail-before-commit=0.5,latency=0.1", "--fault-seed", "7"],
            ["sim", "serve", "--port", "0", "--scenario", scenario],
        ];
        foreach (var args in runs) golden.Add(args.Select(a => a == scenario ? "scenario.json" : a), await ServeUntilFirstLineAsync([.. args, "--json"]));
        golden.Verify();
    }

    [Fact]
    public async Task The_error_object_keeps_its_shape()
    {
        var golden = new JsonGolden("errors");
        string[][] runs =
        [
            ["transfer", "abc", "USDT", "--from", "spot", "--to", "usdm"],
            ["history", "--days", "0"],
            ["balances", "--account", "nope"],
            ["sim", "serve", "--port", "70000"],
            ["nonsense"],
        ];
        foreach (var args in runs) golden.Add(args, await _cli.RunAsync([.. args, "--json"]));
        golden.Verify();
    }

    [Fact]
    public void The_error_object_writes_the_exchange_code_and_escapes_as_before()
    {
        Assert.Equal("""{"error":{"kind":"rejected","code":"-4026","message":"Not \u003Cenough\u003E \u0022money\u0022 \u00E9."}}""",
            JsonError.For(ExitCodes.Rejected, "Not <enough> \"money\" é.", "-4026"));
        Assert.Equal("""{"error":{"kind":"bad-input","code":null,"message":"Bad."}}""", JsonError.For(ExitCodes.BadInput, "Bad."));
    }

    [Fact]
    public void The_reconcile_progress_line_keeps_its_shape()
    {
        var error = new StringWriter();
        var env = new CliEnvironment { Out = new StringWriter(), Error = error, In = new StringReader(""), IsInteractive = false, GetEnvironmentVariable = _ => null };
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        new ReconcileProgress(env, json: true).Report(new ReconcileWait("J1", "not in the history", now, now.AddMilliseconds(29_200)));
        Assert.Equal("""{"event":"reconcile-waiting","id":"J1","reason":"not in the history","until":1700000029200,"remainingSeconds":30}""" + Environment.NewLine,
            error.ToString());
    }

    [Fact]
    public void The_consent_details_keep_their_shape()
    {
        var details = new ConsentRefusedException("No.", "Move 5 USDT on <MAINNET>.").Details;
        Assert.Equal("""{"consent":{"required":true,"summary":"Move 5 USDT on \u003CMAINNET\u003E.","sent":false}}""", details.ToJsonString());
    }

    [Fact]
    public void The_soak_accounts_file_keeps_its_shape()
    {
        Assert.Equal(
            """{"accounts":[{"name":"soak","venue":"binance","environment":"sim","baseAddress":"http://127.0.0.1:5000/","apiKey":"soak-master-key","secret":"soak-master-secret","email":"master@example.com","subAccounts":["alice@example.com"]},"""
            + """{"name":"soak-htx","venue":"htx","environment":"sim","baseAddress":"http://127.0.0.1:5000/","apiKey":"soak-htx-access-key","secret":"soak-htx-secret-key"}]}""",
            Ferry.Cli.Soak.SoakSupervisor.AccountsJson(new Uri("http://127.0.0.1:5000/")));
    }

    /// <summary>Runs <c>ferry sim serve</c> in-process and stops it as soon as it has printed its first line.</summary>
    private async Task<CliRun.Result> ServeUntilFirstLineAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        var output = new FirstLineWriter(stop);
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output, Error = error, In = new StringReader(""), IsInteractive = false,
            GetEnvironmentVariable = name => _cli.Environment.GetValueOrDefault(name),
        };
        var code = await FerryApp.RunAsync(args, env, stop.Token);
        return new CliRun.Result(code, LoopbackPort().Replace(output.ToString(), "127.0.0.1:<port>"), error.ToString());
    }

    [GeneratedRegex(@"127\.0\.0\.1:[0-9]+")]
    private static partial Regex LoopbackPort();

    /// <summary>Captures output and asks the command to stop once a whole line is written.</summary>
    private sealed class FirstLineWriter(CancellationTokenSource stop) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            stop.Cancel();
        }
    }
}
