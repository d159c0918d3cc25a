namespace Ferry.Binance.Http;

/// <summary>What one endpoint has used of its budgets in the current window.</summary>
/// <param name="Endpoint">The endpoint's name.</param>
/// <param name="IpUsed">IP weight counted in the current window (shared by all /api endpoints; by all /fapi, and by all /dapi, likewise).</param>
/// <param name="IpLimit">IP weight allowed per window.</param>
/// <param name="UidUsed">UID weight counted in the current window.</param>
/// <param name="UidLimit">UID weight allowed per window.</param>
/// <param name="BlockedUntil">Set while a 429/418 Retry-After holds the endpoint back.</param>
/// <param name="InFlight">Weight reserved on the endpoint's budgets (IP plus UID) whose answer has not come back yet.</param>
public readonly record struct WeightUsage(
    string Endpoint, int IpUsed, int IpLimit, int UidUsed, int UidLimit, DateTimeOffset? BlockedUntil, int InFlight = 0);
