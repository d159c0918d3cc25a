namespace Ferry.Cli.Output.Json;

/// <summary><c>ferry history</c> (wallet or margin): the endpoint read, the window in epoch milliseconds, the rows.</summary>
internal sealed record WalletHistoryDocument(TargetDocument Target, string Source, long From, long To, IReadOnlyList<WalletTransferDocument> Transfers);
