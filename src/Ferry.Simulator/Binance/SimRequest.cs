namespace Ferry.Simulator.Binance;

/// <summary>What a handler sees: decoded parameters, the authenticated owner (null when unsigned), the server time.</summary>
internal sealed record SimRequest(IReadOnlyDictionary<string, string> Parameters, string? Owner, long NowMs);
