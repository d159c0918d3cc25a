using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>How <c>ferry transfer</c> shows a proposal and what executing it did: one JSON document with --json, lines for people.</summary>
internal static class TransferRender
{
    /// <summary>The consent sentence for a mainnet move.</summary>
    public static string ConsentSummary(TransferProposal proposal)
    {
        if (proposal.IsRoute)
            return RouteRun.Summary(proposal.Legs.Select(l => (l.Endpoint, l.AccountName, l.From.ToString(), l.To.ToString())), proposal.Request.Amount, proposal.Request.Asset);
        var account = proposal.LegAccounts[0].Name;
        return proposal.Legs[0] switch
        {
            HtxTransferPlan h => $"Move {WireDecimal.Format(h.Amount)} {h.Asset} from {h.From} to {h.To} on MAINNET HTX account '{account}' via {h.Endpoint} (margin-account {h.MarginAccount}).",
            TransferLeg leg => $"Move {WireDecimal.Format(leg.Amount)} {leg.Asset} from {leg.From} to {leg.To} on MAINNET with account '{account}' via {leg.Endpoint} ({leg.Summary}).",
            var other => throw new ArgumentException($"No consent sentence for a {other.Venue} leg.", nameof(proposal)),
        };
    }

    /// <summary>The policy's preview in lines for people: the decision, then each matching rule's rolling budget.</summary>
    public static void PolicyLines(Printer printer, PolicyPreviewDocument? policy)
    {
        if (policy is null) return;
        printer.Line($"Policy: {policy.Message}");
        foreach (var b in policy.Budgets) printer.Line($"Budget of rule '{b.Rule}': {b.Limit}: {b.Used} of {b.Max} {b.Unit} used, {b.Left} left.");
    }

    public static void LegDryRun(Printer printer, TransferProposal proposal, PolicyPreviewDocument? policy = null)
    {
        var leg = (TransferLeg)proposal.Legs[0];
        var account = proposal.LegAccounts[0];
        var route = proposal.Route!;
        printer.Document(() => new LegDryRunDocument(true, PlanJson.TargetOf(account), LegPlanDocument.Of(leg), [new RouteLegDocument(leg, 1)],
            route.IpWeight, route.UidWeight, policy), CliJsonContext.Default.LegDryRunDocument);
        printer.Line($"Dry run on {account.Name} ({account.Environment.ToString().ToLowerInvariant()}); nothing sent.");
        printer.Line($"{leg.Endpoint} {string.Join("&", leg.Parameters.Select(p => $"{p.Key}={p.Value}"))}");
        printer.Line($"One leg as '{leg.AccountName}': weight IP {route.IpWeight}, UID {route.UidWeight}.");
        PolicyLines(printer, policy);
    }

    public static void RouteDryRun(Printer printer, TransferProposal proposal, PolicyPreviewDocument? policy = null)
    {
        var route = proposal.Route!;
        printer.Line($"Dry run: {route.Legs.Count} legs, each only after the previous one is done; nothing sent.");
        var legs = RouteRun.DryRunLegs(printer, route);
        printer.Document(new RouteDryRunDocument(true, PlanJson.TargetOf(proposal.Home), legs, route.IpWeight, route.UidWeight,
            [.. route.Intermediates.Select(a => a.ToString())], policy), CliJsonContext.Default.RouteDryRunDocument);
        PolicyLines(printer, policy);
    }

    public static void HtxDryRun(Printer printer, TransferProposal proposal, PolicyPreviewDocument? policy = null)
    {
        var plan = (HtxTransferPlan)proposal.Legs[0];
        var account = proposal.Home;
        printer.Document(() => new HtxDryRunDocument(true, PlanJson.TargetOf(account), HtxPlanDocument.Of(plan), policy), CliJsonContext.Default.HtxDryRunDocument);
        printer.Line($"Dry run on {account.Name} ({account.Environment.ToString().ToLowerInvariant()}); nothing sent.");
        printer.Line($"{plan.Endpoint} {{{string.Join(", ", plan.Parameters.Select(p => $"\"{p.Key}\": \"{p.Value}\""))}}}");
        PolicyLines(printer, policy);
    }

    /// <summary>A lone Binance leg: the document, the journal id, and one line saying what happened.</summary>
    public static void LegReport(Printer printer, TransferProposal proposal, TransferExecution execution)
    {
        var leg = (TransferLeg)proposal.Legs[0];
        var result = execution.LastSend!;
        var journalId = execution.Entry!.Id;
        printer.Document(() => PlanJson.Report(journalId, PlanJson.TargetOf(proposal.LegAccounts[0]), leg, result), CliJsonContext.Default.LegReportDocument);

        var move = $"{WireDecimal.Format(leg.Amount)} {leg.Asset} from {leg.From} to {leg.To}";
        var lookUp = leg.ClientTranId is null
            ? "check 'ferry history'"
            : $"look it up by clientTranId {leg.ClientTranId} with 'ferry history --sub'";
        printer.Line($"Journal id {journalId}.");
        printer.Line(result.Kind switch
        {
            OutcomeKind.Done => $"Moved {move} ({leg.Summary}) via {leg.Endpoint}; transfer id {result.ExchangeId}"
                + (leg.ClientTranId is null ? "." : $", clientTranId {leg.ClientTranId}."),
            OutcomeKind.Rejected => $"The exchange refused to move {move}: {result.Error!.Message} (code {result.Error.Code}); nothing moved.",
            OutcomeKind.Unknown => $"The outcome of moving {move} is UNKNOWN ({OutcomeText.Reason(result.Message).TrimEnd('.')}); it may have happened. Run 'ferry journal reconcile {journalId}' (or {lookUp}) before trying again.",
            _ => OutcomeText.NotSent(result.Message),
        });
    }

    /// <summary>A lone HTX leg: the journal id, the document, and one line saying what happened.</summary>
    public static void HtxReport(Printer printer, TransferProposal proposal, TransferExecution execution)
    {
        var plan = (HtxTransferPlan)proposal.Legs[0];
        var result = execution.LastSend!;
        var entry = execution.Entry!;
        printer.Line($"Journal id {entry.Id}.");
        printer.Document(() => new HtxReportDocument(entry.Id, PlanJson.TargetOf(proposal.Home), HtxPlanDocument.Of(plan), PlanJson.OutcomeName(result.Kind),
            ExchangeIdValue.Of(result.ExchangeId), PlanJson.ErrorOf(result.Error), PlanJson.MessageOf(result)), CliJsonContext.Default.HtxReportDocument);

        var move = $"{WireDecimal.Format(plan.Amount)} {plan.Asset} from {plan.From} to {plan.To}";
        printer.Line(result.Kind switch
        {
            OutcomeKind.Done => $"Moved {move} ({plan.Direction}, margin-account {plan.MarginAccount}); transfer id {result.ExchangeId}.",
            OutcomeKind.Rejected => $"HTX refused to move {move}: {result.Error!.Message} (code {result.Error.Code}); nothing moved.",
            OutcomeKind.Unknown => $"The outcome of moving {move} is UNKNOWN ({OutcomeText.Reason(result.Message).TrimEnd('.')}); it may have happened. Run 'ferry journal reconcile {entry.Id}' before trying again.",
            _ => OutcomeText.NotSent(result.Message),
        });
    }
}
