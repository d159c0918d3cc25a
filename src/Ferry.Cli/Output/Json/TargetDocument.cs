using Ferry.Cli.Sessions;
using Ferry.Engine.Accounts;

namespace Ferry.Cli.Output.Json;

/// <summary>The account a command ran against, as every --json document names it.</summary>
internal sealed record TargetDocument(string Account, string Environment, bool Simulator)
{
    public static TargetDocument For(SessionTarget target) =>
        new(target.AccountName, target.Environment.ToString().ToLowerInvariant(), target.Environment == AccountEnvironment.Sim);
}
