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

/// <summary>One endpoint as data: method, path, security, IP and UID weight, required key permission, handler.</summary>
internal sealed record SimEndpoint(
    string Method, string Path, EndpointSecurity Security, int IpWeight, int UidWeight, Permission Permission,
    Func<SimRequest, SimResponse> Handler)
{
    /// <summary>/sapi endpoints have a budget each; /api endpoints share one per IP.</summary>
    public bool IsSapi => Path.StartsWith("/sapi/", StringComparison.Ordinal);
}

/// <summary>What a handler sees: decoded parameters, the authenticated owner (null when unsigned), the server time.</summary>
internal sealed record SimRequest(IReadOnlyDictionary<string, string> Parameters, string? Owner, long NowMs);

/// <summary>What a handler returns: an HTTP status and a JSON body.</summary>
internal sealed record SimResponse(int Status, byte[] Body)
{
    public static SimResponse Ok(byte[] body) => new(200, body);

    public static SimResponse Fail(BinanceError error) => new(error.HttpStatus, JsonBody.Error(error));
}
