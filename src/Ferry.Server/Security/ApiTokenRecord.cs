namespace Ferry.Server.Security;

/// <summary>One API token as the token file keeps it: never the token, only its SHA-256.</summary>
/// <param name="Name">What the token is called (who asked, in logs and the journal's records).</param>
/// <param name="Scope">read, plan or execute.</param>
/// <param name="Sha256">The SHA-256 of the token's text, lower-case hex.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record ApiTokenRecord(string Name, string Scope, string Sha256, DateTimeOffset CreatedAt);
