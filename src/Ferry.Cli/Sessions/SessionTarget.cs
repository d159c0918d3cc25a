using Ferry.Accounts;
using Ferry.Addresses;

namespace Ferry.Cli.Sessions;

/// <summary>
/// Which account a command will use, decided without side effects (nothing started, nothing
/// written) so that bad input can still be refused before anything happens.
/// </summary>
internal sealed record SessionTarget(AccountDefinition? Configured, FerryHome Home)
{
    /// <summary>True when no account is configured and the built-in simulator serves the command.</summary>
    public bool IsEmbedded => Configured is null;

    public string AccountName => Configured?.Name ?? "embedded-sim";
    public Venue Venue => Configured?.Venue ?? Venue.Binance;
    public string? Email => Configured is null ? EmbeddedSimulator.MasterEmail : Configured.Email;
    public AccountEnvironment Environment => Configured?.Environment ?? AccountEnvironment.Sim;

    /// <summary>The named account, 'main', the only one, or the embedded simulator when none is configured.</summary>
    public static SessionTarget Resolve(CliEnvironment env, string? accountName)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        var accounts = new AccountStore(home, env.GetEnvironmentVariable).Load();
        if (accounts.Count == 0 && accountName is null) return new SessionTarget(null, home);
        return new SessionTarget(Choose(accounts, accountName), home);
    }

    private static AccountDefinition Choose(IReadOnlyList<AccountDefinition> accounts, string? name)
    {
        if (name is not null)
            return accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw CliException.BadInput(accounts.Count == 0
                    ? $"There is no account named '{name}'; no accounts are configured, so omit --account to use the built-in simulator."
                    : $"There is no account named '{name}'; configured accounts: {string.Join(", ", accounts.Select(a => a.Name))}.");
        var main = accounts.FirstOrDefault(a => string.Equals(a.Name, "main", StringComparison.OrdinalIgnoreCase));
        if (main is not null) return main;
        if (accounts.Count == 1) return accounts[0];
        throw CliException.BadInput(
            $"Several accounts are configured and none is named 'main'; choose one with --account ({string.Join(", ", accounts.Select(a => a.Name))}).");
    }
}
