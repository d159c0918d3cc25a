namespace Ferry.Simulator.Ledger;

/// <summary>One committed history row: a move with its transfer id and time.</summary>
public sealed record LedgerMove(
    long Id, long TimestampMs, string Channel, string Type, string Initiator,
    WalletAddress From, WalletAddress To, string Asset, decimal Amount, string Status, string? ClientId)
{
    /// <summary>The only status the simulator writes today; later fault rules may add PENDING/FAILED.</summary>
    public const string Confirmed = "CONFIRMED";
}
