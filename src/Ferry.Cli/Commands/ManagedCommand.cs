using System.CommandLine;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry managed ...</c>: managed sub-accounts. The investor master's key lists them, reads their wallets,
/// snapshots and deposit addresses, and moves spot money in (deposit) and out (withdraw, now or on a date); the transfer
/// log is read by any of the three roles. Every verb checks all of its input before a session opens, prints tables for
/// people and one JSON document with --json (the exchange's answer under "result"), and maps the outcome to the exit
/// codes of docs/cli.md. Deposit and withdraw are transfer legs run by the same executor and consent rule as ferry transfer.
/// </summary>
internal static class ManagedCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("managed", "Managed sub-accounts: the investor master's queries and moves, and the transfer logs of all three roles.");
        Command[] verbs =
        [
            ManagedListCommand.Create(env),
            ManagedAssetsCommand.Create(env),
            ManagedFuturesAssetsCommand.Create(env),
            ManagedMarginAssetsCommand.Create(env),
            ManagedSnapshotCommand.Create(env),
            ManagedDepositCommand.Create(env),
            ManagedWithdrawCommand.Create(env),
            ManagedDepositAddressCommand.Create(env),
            ManagedLogCommand.Create(env),
        ];
        foreach (var verb in verbs) command.Subcommands.Add(verb);
        return command;
    }
}
