using System.Text.Json.Serialization.Metadata;
using Ferry.Binance;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;

namespace Ferry.Cli.Commands;

/// <summary>
/// One call of a <c>ferry sub</c> or <c>ferry managed</c> verb: opens the session (refusing testnet, which serves no
/// /sapi), asks for CONFIRM first when a change meets mainnet, prints the answer (under "result") or the failure, and
/// returns the documented exit code.
/// </summary>
internal sealed class SapiQuery(CliEnvironment env, Printer printer, string? accountName, string testnetLacks)
{
    public static SapiQuery SubAccounts(CliEnvironment env, Printer printer, string? accountName) =>
        new(env, printer, accountName, "sub-accounts");

    public static SapiQuery ManagedSubAccounts(CliEnvironment env, Printer printer, string? accountName) =>
        new(env, printer, accountName, "managed sub-accounts");

    public Task<int> RunAsync<T>(Func<BinanceClient, Task<Outcome<T>>> call, JsonTypeInfo<T> typeInfo, Action<T> render, CancellationToken ct) =>
        ChangeAsync(call, typeInfo, render, change: null, ct);

    /// <summary>As <see cref="RunAsync{T}"/>, for a change: on mainnet it needs CONFIRM or --confirm first.</summary>
    public async Task<int> ChangeAsync<T>(Func<BinanceClient, Task<Outcome<T>>> call, JsonTypeInfo<T> typeInfo, Action<T> render,
        MainnetChange? change, CancellationToken ct)
    {
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Environment == AccountEnvironment.Testnet)
            throw CliException.Refused($"Binance's testnet does not serve /sapi endpoints, so it has no {testnetLacks}; use the simulator or mainnet.");
        if (change is not null && target.Environment == AccountEnvironment.Mainnet)
            MainnetConsent.Require(env, change.Confirmed, $"About to {change.Description} on MAINNET account '{target.AccountName}'.");
        await using var session = await BinanceSession.OpenAsync(target, env, ct);
        printer.Line(session.Banner);
        return QueryOutcomeReport.Print(printer, TargetDocument.For(target.AccountName, target.Environment), await call(session.Client), typeInfo, render);
    }
}
