using Ferry.Engine.Accounts;

namespace Ferry.Cli.Output.Json;

/// <summary>The account a command ran against, as every --json document names it.</summary>
internal sealed record TargetDocument(string Account, string Environment, bool Simulator)
{
    public static TargetDocument For(string account, AccountEnvironment environment) =>
        new(account, environment.ToString().ToLowerInvariant(), environment == AccountEnvironment.Sim);
}
