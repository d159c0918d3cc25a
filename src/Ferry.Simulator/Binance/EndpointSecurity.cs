namespace Ferry.Simulator.Binance;

/// <summary>How an endpoint is protected.</summary>
internal enum EndpointSecurity
{
    /// <summary>No key, no signature (e.g. /api/v3/time).</summary>
    None,
    /// <summary>X-MBX-APIKEY plus signature, timestamp and recvWindow (USER_DATA).</summary>
    Signed,
    /// <summary>Simulator-only admin endpoint, loopback callers only, not rate limited.</summary>
    Admin,
}
