using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Persistence;

/// <summary>The managed sub-account book a scenario starts with: every managed sub-account created at start time, each
/// distinct trading team numbered in order of first mention.</summary>
internal static class ManagedSubAccountBookSeed
{
    public static ManagedSubAccountBookState FromScenario(ScenarioDocument? scenario, long nowMs)
    {
        var managed = scenario?.Binance?.ManagedSubAccounts ?? [];
        var teams = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        var profiles = new List<ManagedSubAccountProfile>();
        foreach (var m in managed)
        {
            if (!teams.TryGetValue(m.TradingTeam, out var teamId))
            {
                teamId = ManagedSubAccountBookState.FirstTradingTeamUserId + teams.Count;
                teams[m.TradingTeam] = teamId;
            }
            profiles.Add(new ManagedSubAccountProfile(m.Email, m.TradingTeam, teamId, nowMs, m.SignedLvtRiskAgreement));
        }
        return ManagedSubAccountBookState.Empty with { Profiles = profiles };
    }
}
