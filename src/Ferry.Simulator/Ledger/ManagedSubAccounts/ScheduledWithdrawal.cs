namespace Ferry.Simulator.Ledger.ManagedSubAccounts;

/// <summary>A withdrawal from a managed sub-account that runs on its <c>transferDate</c>.</summary>
/// <param name="TranId">The id POST withdraw answered; the ledger move carries it as its client id.</param>
/// <param name="Investor">The investor master that asked for it (and receives the asset).</param>
/// <param name="FromEmail">The managed sub-account.</param>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">The amount.</param>
/// <param name="TransferDateMs">The <c>transferDate</c> as sent (epoch ms).</param>
/// <param name="ExecuteAtMs">When it runs: the start (00:00 UTC) of the transfer date's day.</param>
/// <param name="CreateTimeMs">When it was asked for.</param>
/// <param name="Status">PENDING, then SUCCESS or FAILED (insufficient balance at the date).</param>
public sealed record ScheduledWithdrawal(
    long TranId, string Investor, string FromEmail, string Asset, decimal Amount, long TransferDateMs, long ExecuteAtMs,
    long CreateTimeMs, string Status)
{
    /// <summary>Waiting for its date.</summary>
    public const string Pending = "PENDING";

    /// <summary>Executed: the ledger holds the move.</summary>
    public const string Success = "SUCCESS";

    /// <summary>The managed sub-account held less than the amount on the date; nothing moved.</summary>
    public const string Failed = "FAILED";
}
