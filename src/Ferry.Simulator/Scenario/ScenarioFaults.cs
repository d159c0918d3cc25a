using System.Text.Json;
using Ferry.Simulator.Faults;

namespace Ferry.Simulator.Scenario;

/// <summary>The scenario's optional <c>faults</c> section: <c>{"spec": "drop-after-commit=0.1", "seed": 7}</c>.</summary>
internal static class ScenarioFaults
{
    public static (FaultPlan, int) Parse(JsonElement f)
    {
        if (f.ValueKind != JsonValueKind.Object) throw new ScenarioException("faults: must be an object with 'spec' and optional 'seed'.");
        foreach (var p in f.EnumerateObject())
            if (p.Name is not ("spec" or "seed")) throw new ScenarioException($"faults.{p.Name}: is not a known field (spec, seed).");
        if (!f.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.String)
            throw new ScenarioException("faults.spec: must be a string such as \"drop-after-commit=0.1\".");
        var seed = 0;
        if (f.TryGetProperty("seed", out var s) && (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out seed)))
            throw new ScenarioException("faults.seed: must be a whole number.");
        try
        {
            return (FaultPlan.Parse(spec.GetString()), seed);
        }
        catch (FormatException e)
        {
            throw new ScenarioException($"faults.spec: {e.Message}");
        }
    }
}
