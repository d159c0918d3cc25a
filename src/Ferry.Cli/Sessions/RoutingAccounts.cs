using Ferry.Engine.Accounts;
using Ferry.Engine.Routing;

namespace Ferry.Cli.Sessions;

/// <summary>The keys a command may route a move through, decided without side effects: the command's own account plus
/// every configured account of the same venue, environment and base address (see <see cref="RoutingKeys"/>); the embedded
/// simulator has only its master's key, with its scenario's sub-accounts.</summary>
internal static class RoutingAccounts
{
    public static (RoutingAccount Home, IReadOnlyList<RoutingAccount> All) For(CliEnvironment env, SessionTarget target)
    {
        if (target.Configured is not { } configured)
            return RoutingKeys.For(EmbeddedSimulator.Account(EmbeddedSimulator.UnstartedAddress, target.AccountName), []);
        return RoutingKeys.For(configured, new AccountStore(target.Home, env.GetEnvironmentVariable).Load());
    }
}
