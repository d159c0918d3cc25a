using System.Text.Json;
using static Ferry.Simulator.Scenario.ScenarioReader;

namespace Ferry.Simulator.Scenario;

/// <summary>Reads the optional <c>managedSubAccounts</c> section of the Binance section.</summary>
internal static class ManagedSubAccountSectionParser
{
    /// <summary>Reads <c>binance.managedSubAccounts</c>; adds each managed sub-account and each trading-team master to
    /// <paramref name="emails"/> (both may own API keys) and returns the trading-team e-mails apart, since they hold no wallets.</summary>
    internal static (List<ScenarioManagedSubAccount> Managed, HashSet<string> Teams) ParseManagedSubAccounts(
        JsonElement b, string at, HashSet<string> emails)
    {
        var managed = new List<ScenarioManagedSubAccount>();
        var teams = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, path) in Items(b, at, "managedSubAccounts"))
        {
            AllowOnly(item, path, "email", "tradingTeam", "futures", "margin", "signedLvtRiskAgreement");
            var email = Email(item, path, "email", required: true)!;
            if (!emails.Add(email)) throw Bad($"{path}.email", $"repeats the user '{email}'");
            var team = Email(item, path, "tradingTeam", required: true)!;
            managed.Add(new ScenarioManagedSubAccount(email, team, Bool(item, path, "futures"), Bool(item, path, "margin"))
            {
                SignedLvtRiskAgreement = Bool(item, path, "signedLvtRiskAgreement"),
            });
            teams.Add(team);
        }
        foreach (var team in teams)
        {
            if (!emails.Add(team))
            {
                throw Bad($"{at}.managedSubAccounts", $"names '{team}' as a trading team, but it is already the master, a sub-account or a managed sub-account");
            }
        }
        return (managed, teams);
    }

    /// <summary>Attaches the managed section and refuses wallets, positions or deposits owned by a trading-team master
    /// (it is another Binance account; the simulator keeps no wallets for it).</summary>
    internal static BinanceScenario WithManagedSubAccounts(BinanceScenario scenario, List<ScenarioManagedSubAccount> managed, HashSet<string> teams)
    {
        for (var i = 0; i < scenario.Balances.Count; i++)
        {
            if (teams.Contains(scenario.Balances[i].Owner)) throw Bad($"binance.balances[{i}].owner", $"'{scenario.Balances[i].Owner}' is a trading-team master, which holds no wallets in the simulator");
        }
        for (var i = 0; i < scenario.Positions.Count; i++)
        {
            var owner = scenario.Positions[i].Owner;
            if (teams.Contains(owner)) throw Bad($"binance.positions[{i}].owner", $"'{owner}' is a trading-team master, which holds no wallets in the simulator");
            if (managed.FirstOrDefault(m => string.Equals(m.Email, owner, StringComparison.OrdinalIgnoreCase)) is { Futures: false })
            {
                throw Bad($"binance.positions[{i}].owner", $"'{owner}' has not enabled futures");
            }
        }
        for (var i = 0; i < scenario.Deposits.Count; i++)
        {
            if (teams.Contains(scenario.Deposits[i].Owner)) throw Bad($"binance.deposits[{i}].owner", $"'{scenario.Deposits[i].Owner}' is a trading-team master, which holds no wallets in the simulator");
        }
        return scenario with { ManagedSubAccounts = managed };
    }
}
