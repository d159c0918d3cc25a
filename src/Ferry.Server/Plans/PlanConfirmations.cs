using System.Collections.Concurrent;

namespace Ferry.Server.Plans;

/// <summary>
/// The confirmations a person gave in the dashboard by typing CONFIRM, one per plan id, each used by that plan's execute
/// only. Only the dashboard's anti-forgery-checked, same-origin form grants one; no API request can.
/// </summary>
internal sealed class PlanConfirmations
{
    private readonly ConcurrentDictionary<string, bool> _granted = new(StringComparer.Ordinal);

    public void Grant(string planId) => _granted[planId] = true;

    /// <summary>True once for a granted plan id: the confirmation is used up by the execute it allowed.</summary>
    public bool Take(string planId) => _granted.TryRemove(planId, out _);
}
