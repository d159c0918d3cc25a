using Ferry.Cli;

namespace Ferry.Cli.Tests;

/// <summary>Runs <c>ferry</c> in-process with captured output and a private FERRY_HOME.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Home = Directory.CreateTempSubdirectory("ferry-cli-").FullName;
        Environment["FERRY_HOME"] = Home;
    }

    public string Home { get; }
    public Dictionary<string, string> Environment { get; } = new();
    public string StatePath => Path.Combine(Home, "sim", "state.db");

    /// <summary>Test-only: where a mainnet-configured account's requests go instead (see CliEnvironment).</summary>
    public Uri? MainnetRedirect { get; set; }

    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public async Task<Result> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<Result> RunWithInputAsync(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            In = new StringReader(input ?? ""),
            IsInteractive = input is not null,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            MainnetRedirectForTests = MainnetRedirect,
        };
        var code = await FerryApp.RunAsync(args, env);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Writes accounts.json owner-only, as Ferry does (one that others can read may not hold a secret inline).</summary>
    public void WriteAccounts(string json)
    {
        var path = Path.Combine(Home, "accounts.json");
        File.WriteAllText(path, json);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
