namespace Ferry.Simulator.Scenario;

/// <summary>An HTX user: the e-mail that names it in the ledger, its UID and its spot account id.</summary>
public sealed record HtxScenarioUser(string Email, long Uid, long SpotAccountId)
{
    /// <summary>The id the simulator gives the user's linear-swap side in ledger rows (assumed: HTX does not document it).</summary>
    public long SwapAccountId => SpotAccountId + 1;
}

/// <summary>An HTX API key (HMAC, Signature V2) and its permissions ("read", "trade", "withdraw"; read is implied).
/// <see cref="ToString"/> never prints the secret.</summary>
public sealed record HtxScenarioApiKey(string Owner, string AccessKey, string SecretKey, IReadOnlyList<string> Permissions)
{
    /// <summary>True when the key may call trade endpoints (the spot ⇄ swap transfer).</summary>
    public bool CanTrade => Permissions.Contains("trade", StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string ToString() =>
        $"HtxScenarioApiKey {{ Owner = {Owner}, AccessKey = {(AccessKey.Length <= 9 ? "***" : $"{AccessKey[..5]}...{AccessKey[^4..]}")}, Permissions = [{string.Join(", ", Permissions)}] }}";
}

/// <summary>A starting HTX balance: owner, ledger wallet (HTX_SPOT, HTX_SPOT_FROZEN, HTX_SWAP_CROSS, HTX_SWAP_ISOLATED),
/// contract for an isolated account, upper-case currency, amount.</summary>
public sealed record HtxScenarioBalance(string Owner, string Wallet, string? Contract, string Currency, decimal Amount);

/// <summary>A per-currency minimum for one transfer (HTX code 1303).</summary>
public sealed record HtxScenarioMinimum(string Currency, decimal Amount);

/// <summary>The HTX part of a scenario. <see cref="Json"/> is the section as written, kept in the state file.</summary>
public sealed record HtxScenario(
    IReadOnlyList<HtxScenarioUser> Users,
    IReadOnlyList<HtxScenarioApiKey> ApiKeys,
    IReadOnlyList<string> Contracts,
    IReadOnlyList<HtxScenarioBalance> Balances,
    IReadOnlyList<HtxScenarioMinimum> Minimums,
    string Json)
{
    /// <summary>The contracts (isolated margin accounts) a scenario without a <c>contracts</c> list has.</summary>
    public static IReadOnlyList<string> DefaultContracts { get; } = ["BTC-USDT", "ETH-USDT"];

    /// <summary>The first UID handed out when a user names none.</summary>
    public const long FirstUid = 20_000_001;

    /// <summary>The first spot account id handed out when a user names none.</summary>
    public const long FirstSpotAccountId = 30_000_001;
}
