namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry transfer</c> was given, as typed.</summary>
internal sealed record TransferOptions(string Amount, string Asset, string From, string To, bool DryRun, bool Confirmed, string? Account)
{
    /// <summary>Queue the move for a worker instead of running it (--queue).</summary>
    public bool Queue { get; init; }
}
