using Ferry.Addresses;
using Ferry.Binance.SubAccount;
using Ferry.Routing;

namespace Ferry.Transfers;

/// <summary>
/// Plans a move across the accounts of one master: picks the single endpoint that connects the two wallets with the
/// keys configured, or says in one sentence why none does. Preference: the owner's own key for a move inside one
/// account (POST /sapi/v1/asset/transfer); the master's sub-account universal transfer (with a fresh clientTranId)
/// between accounts; then the futures internal transfer; then the sub-account's own subToMaster/subToSub; and, for a
/// move inside a sub-account whose key is not configured, the master's margin or futures transfer. Nothing here
/// touches the network.
/// </summary>
public static class TransferRouter
{
    /// <summary>Plans <paramref name="request"/> for <paramref name="home"/> (the account the command runs as; an address
    /// without an email is its wallet) with the keys in <paramref name="accounts"/> (all configured accounts of the same
    /// environment, <paramref name="home"/> included); throws <see cref="TransferPlanningException"/>.</summary>
    public static TransferPlan Plan(TransferRequest request, RoutingAccount home, IReadOnlyList<RoutingAccount> accounts,
        Func<string>? newClientTranId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(accounts);
        var asset = TransferPlanner.ValidateAsset(request.Asset);
        TransferPlanner.ValidateAmount(request.Amount);
        var (from, to) = (request.From, request.To);
        if (from.Venue == Venue.Htx || to.Venue == Venue.Htx)
            throw new TransferPlanningException("HTX moves are not supported by this version of Ferry; only Binance wallets can be named.");

        var fromOwner = Owner(from, home);
        var toOwner = Owner(to, home);
        if (Same(fromOwner, toOwner) && from.Wallet == to.Wallet && from.Market == to.Market)
            throw new TransferPlanningException($"The move goes from '{from}' to the same wallet; name two different wallets.");

        var family = Family.Of(home, accounts);
        foreach (var (address, owner) in new[] { (from, fromOwner), (to, toOwner) })
        {
            if (owner is null || Same(owner, home.Email) || family.Knows(owner)) continue;
            throw new TransferPlanningException(home.Email is null
                ? $"'{address}' names another account ({owner}), but account '{home.Name}' has no email configured, so Ferry cannot tell how the two relate; add 'email' (and the master's 'subAccounts') to accounts.json."
                : $"'{address}' names another account ({owner}) that is neither account '{home.Name}' ({home.Email}) nor a known sub-account of {family.MasterEmail}; list it under the master's 'subAccounts' in accounts.json (known: {family.KnownList}).");
        }

        var leg = Same(fromOwner, toOwner)
            ? WithinOneAccount(request with { Asset = asset }, from, to, fromOwner, home, accounts, family)
            : BetweenAccounts(asset, request.Amount, from, to, fromOwner!, toOwner!, accounts, family, newClientTranId ?? ClientTranIds.New);
        return new TransferPlan(request with { Asset = asset }, [leg]);
    }

    private static TransferLeg WithinOneAccount(TransferRequest request, WalletAddress from, WalletAddress to, string? owner,
        RoutingAccount home, IReadOnlyList<RoutingAccount> accounts, Family family)
    {
        var ownKey = owner is null || Same(owner, home.Email) ? home : accounts.FirstOrDefault(a => Same(a.Email, owner));
        if (ownKey is not null)
        {
            var strip = request with { From = @from with { Email = null }, To = to with { Email = null } };
            var plan = TransferPlanner.Plan(strip, ownKey.Name, Venue.Binance, ownKey.Email);
            return new WalletTransferLeg(plan with { From = from, To = to });
        }

        // A sub-account whose own key is not configured: only the master's margin and futures transfers reach inside it.
        var master = family.MasterKey ?? throw new TransferPlanningException(
            $"No key configured can move {owner}'s wallets: configure {owner}'s own key, or the master's ({family.MasterEmail}).");
        if (SubAccountRoutes.MarginType(from.Wallet, to.Wallet) is { } marginType)
            return new SubAccountMarginTransferLeg(master.Name, from, to, new(owner!, request.Asset, request.Amount, marginType));
        if (SubAccountRoutes.FuturesType(from.Wallet, to.Wallet) is { } futuresType)
            return new SubAccountFuturesTransferLeg(master.Name, from, to, new(owner!, request.Asset, request.Amount, futuresType));
        throw new TransferPlanningException(
            $"No single endpoint moves money from '{from}' to '{to}' with the keys configured: the master's key can only move a sub-account's spot to or from its cross margin or futures wallets, and {owner}'s own key is not configured; add it to accounts.json (with 'masterEmail'), or move in two steps.");
    }

    private static TransferLeg BetweenAccounts(string asset, decimal amount, WalletAddress from, WalletAddress to,
        string fromOwner, string toOwner, IReadOnlyList<RoutingAccount> accounts, Family family, Func<string> newClientTranId)
    {
        var master = family.MasterKey;
        var fromAddress = @from with { Email = fromOwner };
        var toAddress = to with { Email = toOwner };
        if (master is not null && SubAccountRoutes.UniversalConnects(from.Wallet, to.Wallet))
        {
            var isolated = from.Wallet == WalletKind.Isolated ? from.Market : to.Wallet == WalletKind.Isolated ? to.Market : null;
            var request = new SubAccountUniversalTransferRequest(
                SubAccountRoutes.AccountType(from.Wallet)!.Value, SubAccountRoutes.AccountType(to.Wallet)!.Value, asset, amount)
            {
                FromEmail = Same(fromOwner, family.MasterEmail) ? null : fromOwner,
                ToEmail = Same(toOwner, family.MasterEmail) ? null : toOwner,
                Symbol = isolated,
                ClientTranId = newClientTranId(),
            };
            return new SubAccountUniversalTransferLeg(master.Name, fromAddress, toAddress, request);
        }

        if (master is not null && SubAccountRoutes.FuturesInternalType(from.Wallet, to.Wallet) is { } futuresType)
        {
            return new SubAccountFuturesInternalTransferLeg(master.Name, fromAddress, toAddress,
                new(fromOwner, toOwner, futuresType, asset, amount));
        }

        var subKey = Same(fromOwner, family.MasterEmail) ? null
            : accounts.FirstOrDefault(a => a.IsSubAccountKey && Same(a.Email, fromOwner));
        if (subKey is not null && from.Wallet == WalletKind.Spot && to.Wallet == WalletKind.Spot)
        {
            return Same(toOwner, family.MasterEmail)
                ? new SubAccountToMasterLeg(subKey.Name, fromAddress, toAddress, new(asset, amount))
                : new SubAccountToSubAccountLeg(subKey.Name, fromAddress, toAddress, new(toOwner, asset, amount));
        }

        var reasons = new List<string>();
        reasons.Add(master is null
            ? $"the master's key ({family.MasterEmail}) is not configured, and the sub-account universal and futures internal transfers need it"
            : "the sub-account universal transfer needs one side to be spot (spot, usdm, coinm, margin or isolated on the other) and never joins two futures wallets, and the futures internal transfer joins only two usdm or two coinm wallets");
        reasons.Add(subKey is null
            ? (Same(fromOwner, family.MasterEmail) ? "the master has no sub-account endpoint of its own for this" : $"{fromOwner}'s own key is not configured for subToMaster/subToSub")
            : $"{fromOwner}'s own key moves only spot to spot (subToMaster, subToSub)");
        throw new TransferPlanningException(
            $"No single endpoint moves money from '{fromAddress}' to '{toAddress}' with the keys configured: {string.Join("; ", reasons)}. Move it in two steps (e.g. through spot); multi-leg routes are not planned yet.");
    }

    private static string? Owner(WalletAddress address, RoutingAccount home) => address.Email ?? home.Email;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The master and the sub-accounts the configured keys know of.</summary>
    private sealed record Family(string? MasterEmail, RoutingAccount? MasterKey, IReadOnlyList<string> SubAccounts)
    {
        public string KnownList => SubAccounts.Count == 0 ? "none" : string.Join(", ", SubAccounts);

        public bool Knows(string email) => Same(email, MasterEmail) || SubAccounts.Any(s => Same(s, email));

        public static Family Of(RoutingAccount home, IReadOnlyList<RoutingAccount> accounts)
        {
            var masterEmail = home.MasterEmail ?? home.Email;
            var masterKey = home.IsSubAccountKey
                ? accounts.FirstOrDefault(a => !a.IsSubAccountKey && Same(a.Email, masterEmail))
                : home;
            var subs = new List<string>();
            void Add(string? email)
            {
                if (email is not null && !Same(email, masterEmail) && !subs.Any(s => Same(s, email))) subs.Add(email.ToLowerInvariant());
            }
            foreach (var s in masterKey?.SubAccounts ?? []) Add(s);
            foreach (var a in accounts.Where(a => a.IsSubAccountKey && Same(a.MasterEmail, masterEmail))) Add(a.Email);
            if (home.IsSubAccountKey) Add(home.Email);
            return new Family(masterEmail, masterKey, subs);
        }
    }
}
