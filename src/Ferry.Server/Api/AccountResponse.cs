namespace Ferry.Server.Api;

/// <summary>An account the server may use: its name, venue and environment; never a key.</summary>
public sealed record AccountResponse(string Name, string Venue, string Environment, bool IsDefault);
