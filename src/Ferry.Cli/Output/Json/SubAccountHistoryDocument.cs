namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry history --sub</c>: the endpoints read, the window in epoch milliseconds, the rows.</summary>
internal sealed record SubAccountHistoryDocument(TargetDocument Target, string Source, long From, long To, IReadOnlyList<SubAccountTransferDocument> Transfers);
