using Ferry.Engine.Accounts;
using Ferry.Engine.Routing;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Sessions;

/// <summary>
/// The keys a command may route a move through: the command's own account plus every configured account of the same
/// venue, environment and base address (a sub-account key is its own entry with its email and 'masterEmail'). The
/// embedded simulator has only the demo master's key, with the demo scenario's sub-accounts.
/// </summary>
internal static class RoutingAccounts
{
    public static (RoutingAccount Home, IReadOnlyList<RoutingAccount> All) For(CliEnvironment env, SessionTarget target)
    {
        if (target.Configured is not { } configured)
        {
            var subs = ScenarioDocument.Demo().Binance?.SubAccounts.Select(s => s.Email.ToLowerInvariant()).ToList() ?? [];
            var embedded = new RoutingAccount(target.AccountName, EmbeddedSimulator.MasterEmail, null, subs);
            return (embedded, [embedded]);
        }
        var home = RoutingAccount.Of(configured);
        var peers = new AccountStore(target.Home, env.GetEnvironmentVariable).Load()
            .Where(a => a.Venue == configured.Venue && a.Environment == configured.Environment && a.BaseAddress == configured.BaseAddress
                && !string.Equals(a.Name, configured.Name, StringComparison.OrdinalIgnoreCase))
            .Select(RoutingAccount.Of);
        return (home, [home, .. peers]);
    }
}
