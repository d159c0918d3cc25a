namespace Ferry.Binance;

/// <summary>The API-key permission an endpoint needs (Binance's flag names in the docs).</summary>
public enum KeyPermission
{
    /// <summary>No key needed (public market data, server time).</summary>
    None,
    /// <summary><c>enableReading</c>: reading account data and history.</summary>
    Reading,
    /// <summary><c>permitsUniversalTransfer</c>: POST /sapi/v1/asset/transfer.</summary>
    UniversalTransfer,
    /// <summary><c>enableInternalTransfer</c>: transfers between master and sub-accounts.</summary>
    InternalTransfer,
    /// <summary><c>enableMargin</c>: margin account changes.</summary>
    Margin,
    /// <summary><c>enableSpotAndMarginTrading</c> ("trade"): sub-account margin and futures transfers (seed 000's note), creating a virtual sub-account.</summary>
    SpotAndMarginTrading,
    /// <summary><c>enableFutures</c>: futures changes, e.g. moving positions between sub-accounts.</summary>
    Futures,
}
