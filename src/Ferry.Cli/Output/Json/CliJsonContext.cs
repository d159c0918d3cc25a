using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>
/// The --json documents, source-generated: camelCase names in declaration order, nulls written, indented as
/// <see cref="Printer"/> prints them (the default encoder, so non-ASCII and HTML-sensitive characters are escaped).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(QueryAnswerDocument))]
[JsonSerializable(typeof(OutcomeFailureDocument))]
[JsonSerializable(typeof(WalletHistoryDocument))]
[JsonSerializable(typeof(SubAccountHistoryDocument))]
[JsonSerializable(typeof(AccountListDocument))]
[JsonSerializable(typeof(AccountShowDocument))]
[JsonSerializable(typeof(AccountsAddedDocument))]
[JsonSerializable(typeof(AccountsImportedDocument))]
[JsonSerializable(typeof(AccountRemovedDocument))]
[JsonSerializable(typeof(LegDryRunDocument))]
[JsonSerializable(typeof(RouteDryRunDocument))]
[JsonSerializable(typeof(HtxDryRunDocument))]
[JsonSerializable(typeof(LegReportDocument))]
[JsonSerializable(typeof(HtxReportDocument))]
[JsonSerializable(typeof(JournalListDocument))]
[JsonSerializable(typeof(JournalShowDocument))]
[JsonSerializable(typeof(ReconcileDocument))]
[JsonSerializable(typeof(RouteReportDocument))]
[JsonSerializable(typeof(SkippedLineDocument))]
[JsonSerializable(typeof(PlannedMoveLineDocument))]
[JsonSerializable(typeof(MoveResultDocument))]
[JsonSerializable(typeof(MovesSummaryLineDocument))]
[JsonSerializable(typeof(TransferPlanDescription))]
[JsonSerializable(typeof(TransferRunDocument))]
[JsonSerializable(typeof(SweepPlanDescription))]
[JsonSerializable(typeof(SweepRunDocument))]
[JsonSerializable(typeof(ToolErrorDocument))]
[JsonSerializable(typeof(JournalEntryToolDocument))]
[JsonSerializable(typeof(CliOutputDocument))]
[JsonSerializable(typeof(DemoDocument))]
[JsonSerializable(typeof(SoakDocument))]
[JsonSerializable(typeof(SimServeDocument))]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(ReconcileWaitingDocument))]
[JsonSerializable(typeof(ConsentDetailsDocument))]
[JsonSerializable(typeof(SoakAccountsDocument))]
[JsonSerializable(typeof(HtxBalancesDocument))]
[JsonSerializable(typeof(BalancesDocument))]
[JsonSerializable(typeof(AccountBalancesDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
