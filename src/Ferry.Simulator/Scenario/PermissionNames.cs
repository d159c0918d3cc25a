namespace Ferry.Simulator.Scenario;

/// <summary>The wire names of <see cref="Permission"/> flags.</summary>
public static class PermissionNames
{
    private static readonly (Permission Flag, string Name)[] Names =
    [
        (Permission.EnableReading, "enableReading"),
        (Permission.EnableSpotAndMarginTrading, "enableSpotAndMarginTrading"),
        (Permission.EnableInternalTransfer, "enableInternalTransfer"),
        (Permission.PermitsUniversalTransfer, "permitsUniversalTransfer"),
        (Permission.EnableFutures, "enableFutures"),
        (Permission.EnableMargin, "enableMargin"),
        (Permission.EnableVanillaOptions, "enableVanillaOptions"),
        (Permission.EnableWithdrawals, "enableWithdrawals"),
    ];

    /// <summary>Every known name.</summary>
    public static IEnumerable<string> All => Names.Select(n => n.Name);

    /// <summary>Parses one name (exact case); false when unknown.</summary>
    public static bool TryParse(string? name, out Permission flag)
    {
        foreach (var (f, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                flag = f;
                return true;
            }
        }
        flag = Permission.None;
        return false;
    }

    /// <summary>Combines a list of names; throws on an unknown one (callers validate first).</summary>
    public static Permission Combine(IEnumerable<string> names)
    {
        var all = Permission.None;
        foreach (var name in names)
        {
            if (!TryParse(name, out var flag)) throw new ArgumentException($"Unknown permission '{name}'.", nameof(names));
            all |= flag;
        }
        return all;
    }
}
