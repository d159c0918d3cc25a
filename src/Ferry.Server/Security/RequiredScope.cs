namespace Ferry.Server.Security;

/// <summary>Endpoint metadata: the scope a caller's token needs for this endpoint (read when absent).</summary>
public sealed record RequiredScope(ApiScope Scope);
