using Ferry.Server.Security;

namespace Ferry.Server.Api;

/// <summary>The token file's content.</summary>
public sealed record ApiTokenFile(IReadOnlyList<ApiTokenRecord> Tokens);
