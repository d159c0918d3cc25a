using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;

namespace Ferry.Cli.Sessions;

/// <summary>
/// Which account a command will use, decided without side effects (nothing started, nothing
/// written) so that bad input can still be refused before anything happens.
/// </summary>
internal sealed record SessionTarget(AccountDefinition? Configured, FerryHome Home)
{
    /// <summary>The name the built-in simulator's account goes by (in the journal too).</summary>
    public const string EmbeddedName = "embedded-sim";

    /// <summary>True when no account is configured and the built-in simulator serves the command.</summary>
    public bool IsEmbedded => Configured is null;

    public string AccountName => Configured?.Name ?? EmbeddedName;
    public Venue Venue => Configured?.Venue ?? Venue.Binance;
    public string? Email => Configured is null ? EmbeddedSimulator.MasterEmail : Configured.Email;
    public AccountEnvironment Environment => Configured?.Environment ?? AccountEnvironment.Sim;

    /// <summary>The named account, 'main', the only one, or the embedded simulator when none is configured.</summary>
    public static SessionTarget Resolve(CliEnvironment env, string? accountName)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        var accounts = new AccountStore(home, env.GetEnvironmentVariable).Load();
        env.Log.Protect(accounts);
        if (accounts.Count == 0 && accountName is null)
        {
            env.Log.Debug("no account configured: the built-in simulator serves this command");
            return new SessionTarget(null, home);
        }
        var chosen = Choose(env, accounts, accountName);
        env.Log.Info($"account '{chosen.Name}' ({chosen.Venue.Display()}, {chosen.Environment}), {chosen.Credentials.Kind} key {chosen.Credentials.MaskedApiKey}");
        env.Log.Debug($"account '{chosen.Name}': base {chosen.BaseAddress}, key from {chosen.KeySource}, secret {chosen.Credentials.Secret}");
        return new SessionTarget(chosen, home);
    }

    private static AccountDefinition Choose(CliEnvironment env, IReadOnlyList<AccountDefinition> accounts, string? name)
    {
        if (name is not null)
        {
            return accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw CliException.BadInput(accounts.Count == 0
                    ? $"There is no account named '{name}'; no accounts are configured, so omit --account to use the built-in simulator."
                    : $"There is no account named '{name}'; configured accounts: {string.Join(", ", accounts.Select(a => a.Name))}.");
        }

        var main = accounts.FirstOrDefault(a => string.Equals(a.Name, "main", StringComparison.OrdinalIgnoreCase));
        if (main is not null) return main;
        if (accounts.Count == 1) return accounts[0];
        if (env.IsInteractive) return Ask(env, accounts);
        throw CliException.BadInput(
            $"Several accounts are configured and none is named 'main'; choose one with --account ({string.Join(", ", accounts.Select(a => a.Name))}).");
    }

    /// <summary>Several accounts could serve and none is 'main': ask the person (names and environments only).</summary>
    private static AccountDefinition Ask(CliEnvironment env, IReadOnlyList<AccountDefinition> accounts)
    {
        env.Error.WriteLine("Several accounts are configured and none is named 'main':");
        foreach (var account in accounts) env.Error.WriteLine($"- {account.Name} ({AccountFields.Display(account.Environment)})");
        env.Error.Write("Which account? ");
        var answer = env.In.ReadLine()?.Trim();
        return accounts.FirstOrDefault(a => string.Equals(a.Name, answer, StringComparison.OrdinalIgnoreCase))
            ?? throw CliException.BadInput(string.IsNullOrEmpty(answer)
                ? "No account was chosen, so nothing was sent; name one with --account."
                : $"There is no account named '{answer}'; nothing was sent.");
    }
}
