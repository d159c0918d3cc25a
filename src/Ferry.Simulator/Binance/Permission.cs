namespace Ferry.Simulator.Binance;

/// <summary>Binance API-key permission flags, named as Binance's key-permission endpoint names them.</summary>
[Flags]
public enum Permission
{
    /// <summary>No permission.</summary>
    None = 0,
    /// <summary>enableReading.</summary>
    EnableReading = 1 << 0,
    /// <summary>enableSpotAndMarginTrading.</summary>
    EnableSpotAndMarginTrading = 1 << 1,
    /// <summary>enableInternalTransfer.</summary>
    EnableInternalTransfer = 1 << 2,
    /// <summary>permitsUniversalTransfer.</summary>
    PermitsUniversalTransfer = 1 << 3,
    /// <summary>enableFutures.</summary>
    EnableFutures = 1 << 4,
    /// <summary>enableMargin.</summary>
    EnableMargin = 1 << 5,
    /// <summary>enableVanillaOptions.</summary>
    EnableVanillaOptions = 1 << 6,
    /// <summary>enableWithdrawals.</summary>
    EnableWithdrawals = 1 << 7,
}

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
