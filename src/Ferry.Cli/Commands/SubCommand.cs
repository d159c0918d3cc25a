using System.CommandLine;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry sub ...</c>: sub-account management and queries for a master key. Every verb checks all of its
/// input before a session opens, prints tables for people and one JSON document with --json (the exchange's answer
/// under "result"), and maps the outcome to the documented exit codes. Changes on mainnet need CONFIRM or --confirm.
/// </summary>
internal static class SubCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("sub", "Manage and inspect sub-accounts (master key).");
        Command[] verbs =
        [
            SubAccountListCommand.Create(env),
            SubAccountCreateCommand.Create(env),
            SubAccountStatusCommand.Create(env),
            SubAccountEnableCommand.Create(env, "enable-futures", "Enable futures (USDⓈ-M and COIN-M) for a sub-account.", futures: true),
            SubAccountEnableCommand.Create(env, "enable-options", "Enable options for a sub-account.", futures: false),
            SubAccountStatsCommand.Create(env),
            SubAccountAssetsCommand.Create(env),
            SubAccountSummaryCommand.Create(env),
            SubAccountDepositAddressCommand.Create(env),
            SubAccountDepositsCommand.Create(env),
            SubAccountPositionsCommand.Create(env),
            SubAccountMovePositionCommand.Create(env),
            SubAccountIpCommand.Create(env),
        ];
        foreach (var verb in verbs) command.Subcommands.Add(verb);
        return command;
    }
}
