using Ferry.Engine.Transfers;
using Ferry.Engine.Addresses;
using Ferry.Binance.SubAccount;

namespace Ferry.Engine.Routing;

/// <summary>
/// Plans a move across the accounts of one master as a route of legs over the graph of <see cref="RouteConnectors"/>
/// (see <see cref="RouteSearch"/>), using only the keys configured, or says in one or two sentences what is missing.
/// When one endpoint connects the two wallets the leg is the preferred one: the owner's own key for a move inside one
/// account (POST /sapi/v1/asset/transfer); the master's sub-account universal transfer (with a fresh clientTranId)
/// between accounts; then the futures internal transfer; then the sub-account's own subToMaster/subToSub; and, for a
/// move inside a sub-account whose key is not configured, the master's margin or futures transfer. Otherwise the route
/// with the fewest legs, then the least IP + UID weight, then the preferred endpoints. Nothing here touches the network.
/// </summary>
public static class TransferRouter
{
    /// <summary>Plans <paramref name="request"/> for <paramref name="home"/> (the account the command runs as; an address
    /// without an email is its wallet) with the keys in <paramref name="accounts"/> (all configured accounts of the same
    /// environment, <paramref name="home"/> included); throws <see cref="TransferPlanningException"/>.</summary>
    public static TransferPlan Plan(TransferRequest request, RoutingAccount home, IReadOnlyList<RoutingAccount> accounts,
        Func<string>? newClientTranId = null) =>
        PlannerFor(home, accounts, newClientTranId)(request);

    /// <summary>A planner for many requests of one <paramref name="home"/> and key set (a sweep or rebalance): the family
    /// of accounts is gathered once, so N requests cost N route searches rather than N passes over the master's
    /// sub-account list. Each call plans as <see cref="Plan"/> does.</summary>
    public static Func<TransferRequest, TransferPlan> PlannerFor(RoutingAccount home, IReadOnlyList<RoutingAccount> accounts,
        Func<string>? newClientTranId = null)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(accounts);
        var family = Family.Of(home, accounts);
        var ids = newClientTranId ?? ClientTranIds.New;
        return request => PlanInFamily(request, home, accounts, family, ids);
    }

    private static TransferPlan PlanInFamily(TransferRequest request, RoutingAccount home, IReadOnlyList<RoutingAccount> accounts, Family family,
        Func<string> newClientTranId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asset = TransferInput.ValidateAsset(request.Asset);
        TransferInput.ValidateAmount(request.Amount, Venue.Binance);
        var (from, to) = (request.From, request.To);
        if (from.Venue == Venue.Htx || to.Venue == Venue.Htx)
            throw new TransferPlanningException("Routes join Binance wallets only; an HTX wallet moves only between htx:spot and htx:swap (one HTX transfer), and no move crosses between the two exchanges.");

        var fromOwner = Owner(from, home);
        var toOwner = Owner(to, home);
        if (Same(fromOwner, toOwner) && from.Wallet == to.Wallet && from.Market == to.Market)
            throw new TransferPlanningException($"The move goes from '{from}' to the same wallet; name two different wallets.");

        foreach (var (address, owner) in new[] { (from, fromOwner), (to, toOwner) })
        {
            if (owner is null || Same(owner, home.Email) || family.Knows(owner)) continue;
            throw new TransferPlanningException(home.Email is null
                ? $"'{address}' names another account ({owner}), but account '{home.Name}' has no email configured, so Ferry cannot tell how the two relate; add 'email' (and the master's 'subAccounts') to accounts.json."
                : $"'{address}' names another account ({owner}) that is neither account '{home.Name}' ({home.Email}) nor a known sub-account of {family.MasterEmail}; list it under the master's 'subAccounts' in accounts.json (known: {family.KnownList}).");
        }

        return new TransferPlan(request with { Asset = asset },
            RouteSearch.Plan(from, to, asset, request.Amount, home, accounts, family, newClientTranId));
    }

    internal static string? Owner(WalletAddress address, RoutingAccount home) => address.Email ?? home.Email;

    internal static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The master and the sub-accounts the configured keys know of: in the order first named (for messages),
    /// and as a set (each lookup costs the same however many sub-accounts the master has).</summary>
    internal sealed class Family
    {
        private readonly List<string> _subAccounts;
        private readonly HashSet<string> _known;

        private Family(string? masterEmail, RoutingAccount? masterKey, List<string> subAccounts, HashSet<string> known) =>
            (MasterEmail, MasterKey, _subAccounts, _known) = (masterEmail, masterKey, subAccounts, known);

        public string? MasterEmail { get; }

        public RoutingAccount? MasterKey { get; }

        /// <summary>The sub-accounts a refusal names: all of a short list; of a long one (a desk with thousands) the first
        /// <see cref="NamedInRefusal"/> and how many more, so the sentence stays readable.</summary>
        public string KnownList => _subAccounts.Count switch
        {
            0 => "none",
            <= NamedInRefusal => string.Join(", ", _subAccounts),
            _ => $"{string.Join(", ", _subAccounts.Take(NamedInRefusal))} and {_subAccounts.Count - NamedInRefusal} more",
        };

        private const int NamedInRefusal = 10;

        public bool Knows(string email) => Same(email, MasterEmail) || _known.Contains(email);

        public static Family Of(RoutingAccount home, IReadOnlyList<RoutingAccount> accounts)
        {
            var masterEmail = home.MasterEmail ?? home.Email;
            var masterKey = home.IsSubAccountKey
                ? accounts.FirstOrDefault(a => !a.IsSubAccountKey && Same(a.Email, masterEmail))
                : home;
            var subs = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            void Add(string? email)
            {
                if (email is not null && !Same(email, masterEmail) && seen.Add(email)) subs.Add(email.ToLowerInvariant());
            }
            foreach (var s in masterKey?.SubAccounts ?? []) Add(s);
            foreach (var a in accounts.Where(a => a.IsSubAccountKey && Same(a.MasterEmail, masterEmail))) Add(a.Email);
            if (home.IsSubAccountKey) Add(home.Email);
            return new Family(masterEmail, masterKey, subs, seen);
        }
    }
}
