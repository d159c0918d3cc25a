using Ferry.Engine.Accounts;

namespace Ferry.Engine.Policy;

/// <summary>Which moves a rule is about: every field given must match (a field may list several values, any of which
/// matches); a field left out matches every move.</summary>
public sealed record PolicyMatch
{
    /// <summary>Who asks.</summary>
    public IReadOnlyList<RequesterPattern> Requester { get; init; } = [];

    /// <summary>The account whose key sends the move's first leg (name patterns).</summary>
    public IReadOnlyList<PolicyPattern> Account { get; init; } = [];

    /// <summary>binance or htx.</summary>
    public IReadOnlyList<string> Venue { get; init; } = [];

    /// <summary>The account's environment (mainnet, testnet, sim). A move whose account is not configured matches no
    /// environment.</summary>
    public IReadOnlyList<AccountEnvironment> Environment { get; init; } = [];

    /// <summary>The source wallet (address or e-mail patterns).</summary>
    public IReadOnlyList<PolicyPattern> From { get; init; } = [];

    /// <summary>The destination wallet (address or e-mail patterns).</summary>
    public IReadOnlyList<PolicyPattern> To { get; init; } = [];

    /// <summary>The asset (patterns, e.g. USDT or *).</summary>
    public IReadOnlyList<PolicyPattern> Asset { get; init; } = [];

    /// <summary>True when every given field matches <paramref name="move"/>.</summary>
    public bool Matches(PolicyMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return (Requester.Count == 0 || Requester.Any(r => r.Matches(move.Requester)))
            && (Account.Count == 0 || Account.Any(a => a.Matches(move.Account)))
            && (Venue.Count == 0 || Venue.Any(v => string.Equals(v, move.Venue, StringComparison.OrdinalIgnoreCase)))
            && (Environment.Count == 0 || (move.Environment is { } e && Environment.Contains(e)))
            && (From.Count == 0 || From.Any(f => f.MatchesAddress(move.From)))
            && (To.Count == 0 || To.Any(t => t.MatchesAddress(move.To)))
            && (Asset.Count == 0 || Asset.Any(a => a.Matches(move.Asset)));
    }

    /// <summary>The match in words: "moves of USDT by agents on mainnet accounts", or "every move"; a rule that names no
    /// asset is said of <paramref name="asset"/> when given (a rolling sum is always of one asset).</summary>
    public string Describe(string? asset = null)
    {
        var parts = new List<string>();
        if (Asset.Count > 0) parts.Add("of " + Or(Asset.Select(a => a.Text)));
        else if (asset is not null) parts.Add("of " + asset);
        if (Requester.Count > 0) parts.Add("by " + Or(Requester.Select(r => r.Describe())));
        if (Account.Count > 0) parts.Add("with account " + Or(Account.Select(a => a.Text)));
        if (Venue.Count > 0) parts.Add("on " + Or(Venue));
        if (Environment.Count > 0) parts.Add("on " + Or(Environment.Select(EnvironmentName)) + " accounts");
        if (From.Count > 0) parts.Add("from " + Or(From.Select(f => f.Text)));
        if (To.Count > 0) parts.Add("to " + Or(To.Select(t => t.Text)));
        return parts.Count == 0 ? "every move" : "moves " + string.Join(" ", parts);
    }

    /// <summary>The name of an environment as the policy file writes it.</summary>
    public static string EnvironmentName(AccountEnvironment environment) => environment.ToString().ToLowerInvariant();

    private static string Or(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }
}
