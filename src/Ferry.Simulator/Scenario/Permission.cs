namespace Ferry.Simulator.Scenario;

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
