namespace Ferry.Simulator.Scenario;

/// <summary>An HTX user: the e-mail that names it in the ledger, its UID and its spot account id.</summary>
public sealed record HtxScenarioUser(string Email, long Uid, long SpotAccountId)
{
    /// <summary>The id the simulator gives the user's linear-swap side in ledger rows (assumed: HTX does not document it).</summary>
    public long SwapAccountId => SpotAccountId + 1;
}
