using System.CommandLine;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Engine.Journal;
using Ferry.Engine.Service;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry journal resume ID</c>: continues a route that stopped halfway, from its first leg that is
/// not done, after reconciling any leg whose outcome is unknown.</summary>
internal static class JournalResumeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var id = new Argument<string>("id") { Description = "The route id (R…) 'ferry transfer' printed, the journal id of any of its legs, or 'latest' (the newest route)." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to mainnet legs without the interactive CONFIRM prompt (for scripts)." };
        var json = CommonOptions.Json();
        var command = new Command("resume", "Continue a route that stopped halfway, from its first leg that is not done.") { id, confirm, json };
        command.SetAction((parse, ct) => RunAsync(env, new Printer(env, parse.GetValue(json)), parse.GetValue(id)!, parse.GetValue(confirm), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Printer printer, string id, bool confirmed, CancellationToken ct)
    {
        // Everything is read and checked before any session opens.
        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var routeId = await service.FindRouteAsync(id, ct) ?? throw CliException.BadInput(id.Trim() == "latest"
            ? "The journal holds no route, so there is no latest one to resume."
            : await (await service.JournalAsync(ct)).FindAsync(id.Trim(), ct) is { } single
                ? $"Journal entry {single.Id} is a single transfer, not part of a route; 'ferry journal reconcile {single.Id}' resolves it."
                : $"There is no route or journal entry '{id}'; 'ferry journal list' shows the ids.");
        var legs = await service.RouteLegsAsync(routeId, ct);
        if (legs.All(l => l.Entry.State == LegState.Done))
            throw CliException.Refused($"Route {routeId} is already complete: the money is in {legs[^1].Entry.Leg.To}; there is nothing to resume.");

        var remaining = legs.SkipWhile(l => l.Entry.State == LegState.Done).Select(l => l.Entry.Leg).ToList();
        var accounts = service.AccountsOf(remaining);
        TransferService.RequireRunnable(accounts);
        if (accounts.Any(a => a.Environment == Ferry.Engine.Accounts.AccountEnvironment.Mainnet))
        {
            MainnetConsent.Require(env, confirmed,
                RouteRun.Summary(remaining.Select(l => (l.Endpoint, l.AccountName, l.From, l.To)), remaining[0].Amount, remaining[0].Asset));
        }

        await service.ConnectAsync(accounts, ct);
        printer.Line($"Resuming route {routeId} at leg {legs.Count - remaining.Count + 1} of {legs.Count}.");
        await CliServices.RecoverAsync(service, printer, ct);
        var execution = await service.ResumeAsync(routeId, ct);
        RouteRun.Report(printer, execution.Route!);
        return RouteRun.ExitCode(execution.Route!, execution.LastSend);
    }
}
