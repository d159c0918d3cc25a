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
    /// <summary>The target as a JSON node, for the documents still built as nodes.</summary>
    public static JsonObject Target(SessionTarget target) => Node(TargetOf(target), CliJsonContext.Default.TargetDocument);

    public static JsonObject Target(Ferry.Engine.Accounts.AccountDefinition account) => Node(TargetOf(account), CliJsonContext.Default.TargetDocument);

    public static JsonObject Error(ExchangeError error) => Node(ExchangeErrorDocument.From(error), CliJsonContext.Default.ExchangeErrorDocument);

    private static JsonObject Node<T>(T document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        System.Text.Json.JsonSerializer.SerializeToNode(document, typeInfo)!.AsObject();

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
