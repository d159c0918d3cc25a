using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Credentials;
using Ferry.Engine.Accounts;
using Ferry.Engine.Balances;
using Ferry.Server;
using Ferry.Server.Security;
using Ferry.Simulator;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Ferry.Cli.Commands;

/// <summary>
/// Runs <c>ferry serve</c> and its token commands. The server gets the accounts of FERRY_HOME, or, with none configured,
/// the embedded simulator started once for its whole life (state under FERRY_HOME, as every command uses it), and a
/// fresh engine door per request (<see cref="CliServices.Open(CliEnvironment, IReadOnlyList{AccountDefinition}, Ferry.Engine.Policy.Requester)"/>).
/// </summary>
internal static class ServeRun
{
    public const string TokenFileName = "server-tokens.json";

    public static async Task<int> RunAsync(CliEnvironment env, ServeOptions options, CancellationToken ct)
    {
        if (!Uri.TryCreate(options.Urls, UriKind.Absolute, out var url))
            throw CliException.BadInput($"--urls '{options.Urls}' is not an address; give http://HOST:PORT, e.g. http://127.0.0.1:8480.");
        var ttl = Mcp.PlanStore.ParseTtl(options.PlanTtl)
            ?? throw CliException.BadInput($"--plan-ttl '{options.PlanTtl}' is not a duration; write a whole number with s, m or h from 0s to 24h, e.g. 5m.");
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        var tokens = Tokens(env, home);
        var configured = CliServices.Configured(env, home);
        if (options.Account is { } named && configured.Count > 0 && !configured.Any(a => string.Equals(a.Name, named, StringComparison.OrdinalIgnoreCase)))
            throw CliException.BadInput($"There is no account named '{named}'; 'ferry accounts list' shows them.");

        try
        {
            // Before anything starts: an address it may not listen on leaves FERRY_HOME as it was.
            FerryServer.RequireListenable(url, tokens);
        }
        catch (ServerStartException e)
        {
            throw e.BadInput ? CliException.BadInput(e.Message) : CliException.Refused(e.Message);
        }

        SimulatorHost? embedded = null;
        try
        {
            var accounts = configured;
            if (configured.Count == 0)
            {
                home.EnsureExists();
                home.EnsureExists("sim");
                embedded = await EmbeddedSimulator.StartAsync(home.EmbeddedSimulatorState, env.Time, ct);
                accounts = [EmbeddedSimulator.Account(embedded.BaseAddress, SessionTarget.EmbeddedName), HtxSession.EmbeddedAccount(embedded.BaseAddress, SessionTarget.EmbeddedName)];
                env.Log.Protect(new ApiCredentials(EmbeddedSimulator.ApiKey, new SecretText(EmbeddedSimulator.Secret), SigningKind.Hmac));
            }

            FerryServer server;
            try
            {
                server = await FerryServer.StartAsync(new FerryServerOptions
                {
                    Url = url,
                    OpenService = requester => CliServices.Open(env, accounts, requester),
                    Tokens = tokens,
                    DefaultAccount = options.Account,
                    PlanTimeToLive = ttl,
                    Time = env.Time,
                    Log = new ServeLog(env),
                    SimulatorBalances = async (address, c) => [.. (await new SimulatorAdminClient(address).BalancesAsync(null, c))
                        .Select(r => new AccountBalance(r.Owner, r.Wallet, r.Symbol, r.Asset, r.Amount, r.Amount))],
                }, ct);
            }
            catch (ServerStartException e)
            {
                throw e.BadInput ? CliException.BadInput(e.Message) : CliException.Refused(e.Message);
            }
            await using (server)
            {
                var listening = server.BaseAddress.GetLeftPart(UriPartial.Authority);
                if (options.Json)
                {
                    env.Out.WriteLine(CompactJson.Serialize(new ServeDocument(listening, embedded is not null, tokens.List().Count, listening + "/openapi/v1.json"),
                        CliJsonContext.Default.ServeDocument));
                }
                else
                {
                    env.Out.WriteLine($"listening on {listening}");
                    env.Out.WriteLine(embedded is not null
                        ? $"serving the embedded Binance and HTX SIMULATOR (no real money; state in {home.EmbeddedSimulatorState})"
                        : $"serving {accounts.Count} configured account(s): {string.Join(", ", accounts.Select(a => $"{a.Name} ({a.Environment.ToString().ToLowerInvariant()})"))}");
                    var count = tokens.List().Count;
                    env.Out.WriteLine(count == 0 ? "no API token configured: only loopback may call" : $"{count} API token(s) configured: every request needs one");
                    env.Out.WriteLine($"API under {listening}/api/v1, described by {listening}/openapi/v1.json");
                    env.Out.WriteLine($"dashboard at {listening}/");
                    env.Out.WriteLine("press Ctrl+C or send SIGTERM to stop");
                }
                await env.Out.FlushAsync(CancellationToken.None);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    // SIGINT/SIGTERM: a requested stop; requests in flight finish, and every move sent is in the journal.
                }
                await server.StopAsync(CancellationToken.None);
            }
            return ExitCodes.Ok;
        }
        finally
        {
            if (embedded is not null) await embedded.DisposeAsync();
        }
    }

    public static int AddToken(CliEnvironment env, Printer printer, string name, string scopeText)
    {
        var scope = ApiScopes.Parse(scopeText) ?? throw CliException.BadInput($"--scope '{scopeText}' is not a scope; use read, plan or execute.");
        var token = Run(() => Tokens(env, FerryHome.FromEnvironment(env.GetEnvironmentVariable)).Add(name, scope));
        printer.Document(new TokenAddedDocument(name, ApiScopes.Name(scope), token), CliJsonContext.Default.TokenAddedDocument);
        printer.Line($"API token '{name}' ({ApiScopes.Name(scope)}):");
        printer.Line(token);
        printer.Line("It is shown only now (Ferry keeps only its SHA-256); send it as 'Authorization: Bearer TOKEN'.");
        return ExitCodes.Ok;
    }

    public static int ListTokens(CliEnvironment env, Printer printer)
    {
        var tokens = Run(() => Tokens(env, FerryHome.FromEnvironment(env.GetEnvironmentVariable)).List());
        printer.Document(new TokenListDocument([.. tokens.Select(t => new TokenDocument(t.Name, t.Scope, t.CreatedAt))]), CliJsonContext.Default.TokenListDocument);
        var table = Printer.NewTable("Name", "Scope", "Created (UTC)");
        foreach (var t in tokens) Printer.AddRow(table, t.Name, t.Scope, t.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        printer.Table(table);
        if (tokens.Count == 0) printer.Line("No API token: 'ferry serve' answers loopback only.");
        return ExitCodes.Ok;
    }

    public static int RemoveToken(CliEnvironment env, Printer printer, string name)
    {
        if (!Run(() => Tokens(env, FerryHome.FromEnvironment(env.GetEnvironmentVariable)).Remove(name)))
            throw CliException.BadInput($"There is no API token named '{name}'; 'ferry serve token list' shows them.");
        printer.Document(new TokenRemovedDocument(name, Removed: true), CliJsonContext.Default.TokenRemovedDocument);
        printer.Line($"API token '{name}' removed; requests carrying it are refused from now on.");
        return ExitCodes.Ok;
    }

    private static ApiTokenStore Tokens(CliEnvironment env, FerryHome home) => new(Path.Combine(home.Path, TokenFileName), env.Time);

    private static T Run<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (ApiTokenException e)
        {
            throw e.BadInput ? CliException.BadInput(e.Message) : CliException.Refused(e.Message);
        }
    }

    /// <summary>The server's log lines on standard error (each answer with who asked; each execute with its journal
    /// ids), scrubbed of every protected key and secret, and in the command's log file.</summary>
    private sealed class ServeLog(CliEnvironment env) : ILoggerProvider
    {
        private readonly Lock _gate = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private void Write(string line)
        {
            var scrubbed = env.Log.Scrub(line);
            lock (_gate) env.Error.WriteLine(scrubbed);
            env.Log.Info(scrubbed);
        }

        private sealed class Logger(ServeLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            // Ferry's own lines; ASP.NET's only when they warn.
            public bool IsEnabled(LogLevel logLevel) => logLevel >= (category.StartsWith("Ferry", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) log.Write(formatter(state, exception));
            }
        }
    }
}
