using Ferry.Engine.Accounts;

namespace Ferry.Engine.Routing;

/// <summary>The keys the router may use for a move planned for one account.</summary>
public static class RoutingKeys
{
    /// <summary><paramref name="home"/>'s own key plus every account of <paramref name="catalog"/> with the same venue,
    /// environment and base address (a sub-account key is its own entry with its email and master).</summary>
    public static (RoutingAccount Home, IReadOnlyList<RoutingAccount> All) For(AccountDefinition home, IEnumerable<AccountDefinition> catalog)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(catalog);
        var own = RoutingAccount.Of(home);
        var peers = catalog
            .Where(a => a.Venue == home.Venue && a.Environment == home.Environment && a.BaseAddress == home.BaseAddress
                && !string.Equals(a.Name, home.Name, StringComparison.OrdinalIgnoreCase))
            .Select(RoutingAccount.Of);
        return (own, [own, .. peers]);
    }
}
