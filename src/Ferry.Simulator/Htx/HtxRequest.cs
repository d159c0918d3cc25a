using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Htx;

/// <summary>What an HTX handler sees: decoded query, the JSON body of a POST (an object, or null), the caller and the time.</summary>
internal sealed record HtxRequest(
    IReadOnlyDictionary<string, string> Query, System.Text.Json.JsonElement? Body, HtxScenarioUser User, string? PathArgument, long NowMs)
{
    public string? QueryText(string name) => Query.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
}
