using Ferry.Engine.Addresses;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Routing;

/// <summary>
/// The route graph and its search. Nodes are (account email, wallet kind, isolated market) of the accounts that can
/// matter — the source's, the target's and the master's (a detour through a third sub-account never saves a leg or
/// weight: every endpoint that reaches it also joins the two ends directly); isolated wallets only where the move
/// names them. Edges come from <see cref="RouteConnectors.Binance"/> with the key each needs. Cost: one leg, if any,
/// by preference; otherwise fewest legs, then least IP + UID weight, then the preference of each leg in order.
/// </summary>
internal static class RouteSearch
{
    private static readonly WalletKind[] Wallets =
        [WalletKind.Spot, WalletKind.Margin, WalletKind.UsdM, WalletKind.CoinM, WalletKind.Funding, WalletKind.Options, WalletKind.Portfolio];

    private sealed record Node(string? Owner, WalletKind Wallet, string? Market, WalletAddress Address);

    private sealed record Edge(Node From, Node To, RouteConnector Connector, string KeyAccount, string? MissingKey);

    private sealed record Label(int Missing, int Legs, int Weight, IReadOnlyList<Edge> Path);

    public static IReadOnlyList<TransferLeg> Plan(WalletAddress from, WalletAddress to, string asset, decimal amount,
        RoutingAccount home, IReadOnlyList<RoutingAccount> accounts, TransferRouter.Family family, Func<string> newClientTranId)
    {
        var fromOwner = TransferRouter.Owner(from, home);
        var toOwner = TransferRouter.Owner(to, home);
        var nodes = Nodes(from, to, fromOwner, toOwner, family.MasterEmail);
        var (source, target) = (nodes[0], nodes[1]);

        var path = Search(nodes, source, target, home, accounts, family, hypothetical: false);
        if (path is null) throw Refusal(nodes, source, target, home, accounts, family);
        return path.Select(e => e.Connector.Build(Ends(e.From, e.To, family.MasterEmail), e.KeyAccount, asset, amount, newClientTranId)).ToList();
    }

    /// <summary>The nodes; the first is the source and the second the target, as the request names them.</summary>
    private static List<Node> Nodes(WalletAddress from, WalletAddress to, string? fromOwner, string? toOwner, string? master)
    {
        var nodes = new List<Node> { new(fromOwner, from.Wallet, from.Market, from), new(toOwner, to.Wallet, to.Market, to) };
        var owners = new List<string?> { fromOwner };
        foreach (var owner in new[] { toOwner, master })
            if (owner is not null && !owners.Any(o => TransferRouter.Same(o, owner))) owners.Add(owner);
        foreach (var owner in owners)
        {
            foreach (var wallet in Wallets)
            {
                if (!nodes.Any(n => TransferRouter.Same(n.Owner, owner) && n.Wallet == wallet && n.Market is null))
                    nodes.Add(new Node(owner, wallet, null, new WalletAddress(Venue.Binance, owner, wallet, null)));
            }
        }

        return nodes;
    }

    private static RouteEnds Ends(Node from, Node to, string? master) => new(from.Address, to.Address, from.Owner, to.Owner, master);

    private static IEnumerable<Edge> EdgesFrom(Node u, List<Node> nodes, RoutingAccount home, IReadOnlyList<RoutingAccount> accounts,
        TransferRouter.Family family, bool hypothetical)
    {
        foreach (var v in nodes)
        {
            if (ReferenceEquals(u, v)) continue;
            var ends = Ends(u, v, family.MasterEmail);
            foreach (var connector in RouteConnectors.Binance)
            {
                if (connector.CrossAccount == ends.SameAccount || !connector.Joins(ends)) continue;
                var (key, needed) = Key(connector.Key, ends, home, accounts, family);
                if (key is not null) yield return new Edge(u, v, connector, key.Name, null);
                else if (hypothetical && needed is not null) yield return new Edge(u, v, connector, "", needed);
            }
        }
    }

    /// <summary>The configured key that may call the connector for these ends, or what is missing (null when no key could).</summary>
    private static (RoutingAccount? Key, string? Needed) Key(RouteKey holder, RouteEnds ends, RoutingAccount home,
        IReadOnlyList<RoutingAccount> accounts, TransferRouter.Family family)
    {
        switch (holder)
        {
            case RouteKey.Owner:
                var owner = ends.FromOwner;
                var own = owner is null || TransferRouter.Same(owner, home.Email) ? home : accounts.FirstOrDefault(a => TransferRouter.Same(a.Email, owner));
                return (own, own is null ? (ends.FromMaster ? MasterKey(family) : $"{owner}'s own key") : null);
            case RouteKey.Master:
                return (family.MasterKey, family.MasterKey is null && family.MasterEmail is not null ? MasterKey(family) : null);
            default:
                if (ends.FromMaster || ends.FromOwner is null) return (null, null);
                var sub = accounts.FirstOrDefault(a => a.IsSubAccountKey && TransferRouter.Same(a.Email, ends.FromOwner));
                return (sub, sub is null ? $"{ends.FromOwner}'s own key" : null);
        }
    }

    private static string MasterKey(TransferRouter.Family family) => $"the master's key ({family.MasterEmail})";

    /// <summary>Dijkstra over (missing keys, legs, weight, preferences), which compare lexicographically and only grow
    /// along a path, so the best path to a node extends to the best path beyond it.</summary>
    private static IReadOnlyList<Edge>? Search(List<Node> nodes, Node source, Node target, RoutingAccount home,
        IReadOnlyList<RoutingAccount> accounts, TransferRouter.Family family, bool hypothetical)
    {
        var direct = EdgesFrom(source, nodes, home, accounts, family, hypothetical: false).Where(e => ReferenceEquals(e.To, target))
            .OrderBy(e => e.Connector.Preference).FirstOrDefault();
        if (direct is not null) return [direct];

        var best = new Dictionary<Node, Label>(ReferenceEqualityComparer.Instance) { [source] = new Label(0, 0, 0, []) };
        var done = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        while (true)
        {
            var open = best.Where(p => !done.Contains(p.Key)).ToList();
            if (open.Count == 0) return null;
            var (u, label) = open.Aggregate((a, b) => Compare(b.Value, a.Value) < 0 ? b : a);
            if (ReferenceEquals(u, target)) return label.Path;
            done.Add(u);
            foreach (var edge in EdgesFrom(u, nodes, home, accounts, family, hypothetical))
            {
                if (done.Contains(edge.To)) continue;
                var next = new Label(label.Missing + (edge.MissingKey is null ? 0 : 1), label.Legs + 1, label.Weight + edge.Connector.Weight,
                    [.. label.Path, edge]);
                if (!best.TryGetValue(edge.To, out var known) || Compare(next, known) < 0) best[edge.To] = next;
            }
        }
    }

    private static int Compare(Label a, Label b)
    {
        var c = a.Missing.CompareTo(b.Missing);
        if (c == 0) c = a.Legs.CompareTo(b.Legs);
        if (c == 0) c = a.Weight.CompareTo(b.Weight);
        for (var i = 0; c == 0 && i < Math.Min(a.Path.Count, b.Path.Count); i++)
            c = a.Path[i].Connector.Preference.CompareTo(b.Path[i].Connector.Preference);
        return c;
    }

    /// <summary>Names what is missing: the route that would exist if the family's other keys were configured, and
    /// which of its keys are not (with the permission each needs).</summary>
    private static TransferPlanningException Refusal(List<Node> nodes, Node source, Node target, RoutingAccount home,
        IReadOnlyList<RoutingAccount> accounts, TransferRouter.Family family)
    {
        var (from, to) = (source.Address, target.Address);
        var path = Search(nodes, source, target, home, accounts, family, hypothetical: true);
        if (path is null)
        {
            return new TransferPlanningException(
                $"No Binance endpoint connects '{from}' to '{to}', not even in several legs through spot, whatever keys are configured.");
        }

        var missing = path.Where(e => e.MissingKey is not null)
            .GroupBy(e => e.MissingKey!)
            .Select(g => $"{g.Key} with {string.Join(" and ", g.Select(e => RouteConnectors.PermissionName(e.Connector.Endpoint.Permission)).Distinct())}")
            .ToList();
        var legs = string.Join(", then ", path.Select(e => $"{e.Connector.Endpoint} ({e.From.Address} → {e.To.Address})"));
        return new TransferPlanningException(
            $"No route moves money from '{from}' to '{to}' with the keys configured; configure {string.Join(" and ", missing)} in accounts.json. "
            + $"With {(missing.Count == 1 ? "it" : "them")} the move would take {path.Count} leg{(path.Count == 1 ? "" : "s")}: {legs}.");
    }
}
