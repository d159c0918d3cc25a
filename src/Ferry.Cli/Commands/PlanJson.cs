using System.Text.Json.Nodes;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.Journal;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>The JSON shapes shared by commands that plan and execute moves.</summary>
internal static class PlanJson
{
    public static JsonObject Target(SessionTarget target) => new()
    {
        ["account"] = target.AccountName,
        ["environment"] = target.Environment.ToString().ToLowerInvariant(),
        ["simulator"] = target.Environment == Ferry.Engine.Accounts.AccountEnvironment.Sim,
    };

    public static JsonObject Target(Ferry.Engine.Accounts.AccountDefinition account) => new()
    {
        ["account"] = account.Name,
        ["environment"] = account.Environment.ToString().ToLowerInvariant(),
        ["simulator"] = account.Environment == Ferry.Engine.Accounts.AccountEnvironment.Sim,
    };

    public static JsonObject Error(ExchangeError error) => new()
    {
        ["httpStatus"] = error.HttpStatus,
        ["code"] = error.Code,
        ["message"] = error.Message,
    };

    public static string OutcomeName(OutcomeKind kind) => Output.Json.OutcomeNames.Of(kind);

    public static TargetDocument TargetOf(SessionTarget target) => TargetDocument.For(target.AccountName, target.Environment);

    public static TargetDocument TargetOf(Ferry.Engine.Accounts.AccountDefinition account) => TargetDocument.For(account.Name, account.Environment);

    public static ExchangeErrorDocument? ErrorOf(ExchangeError? error) => error is null ? null : ExchangeErrorDocument.From(error);

    /// <summary>A send's message, shown only when its outcome is unknown or it was not sent (done and rejected say enough).</summary>
    public static string? MessageOf(LegSendResult result) => result.Kind is OutcomeKind.Done or OutcomeKind.Rejected ? null : result.Message;

    /// <summary>What one Binance leg did, as <c>ferry transfer</c> and the managed moves print it.</summary>
    public static LegReportDocument Report(string journalId, TargetDocument target, TransferLeg leg, LegSendResult result) =>
        new(journalId, target, LegPlanDocument.Of(leg), OutcomeName(result.Kind), ExchangeIdValue.Of(result.ExchangeId), ErrorOf(result.Error), MessageOf(result));
}
