using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry sub ...</c>: sub-account management and queries for a master key. Every verb checks all of its
/// input before a session opens, prints tables for people and one JSON document with --json (the exchange's answer
/// under "result"), and maps the outcome to the documented exit codes. Changes on mainnet need CONFIRM or --confirm.
/// </summary>
internal static partial class SubCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("sub", "Manage and inspect sub-accounts (master key).");
        foreach (var verb in AccountVerbs(env).Concat(BalanceVerbs(env)).Concat(DepositVerbs(env)).Concat(PositionVerbs(env))) command.Subcommands.Add(verb);
        command.Subcommands.Add(IpVerbs(env));
        return command;
    }

    /// <summary>The options every verb has: --json and --account.</summary>
    private sealed record Common(Option<bool> Json, Option<string?> Account)
    {
        public static Common New() => new(CommonOptions.Json(), CommonOptions.Account());

        public Command Add(Command command)
        {
            command.Options.Add(Json);
            command.Options.Add(Account);
            return command;
        }
    }

    /// <summary>A sub-account e-mail argument, checked before anything is sent.</summary>
    private static string Email(string? email, string what = "EMAIL")
    {
        if (!EmailAddress.IsValid(email)) throw CliException.BadInput($"{what} '{email}' is not an email address; write it as name@domain.tld.");
        return email!.ToLowerInvariant();
    }

    /// <summary>Opens the session (refusing testnet, which serves no /sapi), runs <paramref name="call"/>, prints the answer
    /// with <paramref name="render"/> or the failure, and returns the exit code.</summary>
    private static Task<int> RunAsync<T>(CliEnvironment env, Printer printer, string? accountName,
        Func<BinanceClient, Task<Outcome<T>>> call, JsonTypeInfo<T> typeInfo, Action<T> render, CancellationToken ct) =>
        RunAsync(env, printer, accountName, call, typeInfo, render, mainnetChange: null, confirmed: false, ct);

    /// <summary>As above, for a change: on mainnet <paramref name="mainnetChange"/> is what the CONFIRM prompt says.</summary>
    private static async Task<int> RunAsync<T>(CliEnvironment env, Printer printer, string? accountName,
        Func<BinanceClient, Task<Outcome<T>>> call, JsonTypeInfo<T> typeInfo, Action<T> render, string? mainnetChange, bool confirmed,
        CancellationToken ct)
    {
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Environment == Ferry.Engine.Accounts.AccountEnvironment.Testnet)
            throw CliException.Refused("Binance's testnet does not serve /sapi endpoints, so it has no sub-accounts; use the simulator or mainnet.");
        if (mainnetChange is not null && target.Environment == Ferry.Engine.Accounts.AccountEnvironment.Mainnet)
            MainnetConsent.Require(env, confirmed, $"About to {mainnetChange} on MAINNET account '{target.AccountName}'.");
        await using var session = await BinanceSession.OpenAsync(target, env, ct);
        printer.Line(session.Banner);
        return QueryOutcomeReport.Print(printer, target, await call(session.Client), typeInfo, render);
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
