using System.CommandLine;
using Ferry.Cli.Output;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed deposit</c>: the investor's spot asset into a managed sub-account's spot wallet.</summary>
internal static class ManagedDepositCommand
{
    public static Command Create(CliEnvironment env)
    {
        var (amount, asset, email, dryRun, confirm, common) = ManagedMove.Symbols("--to", "The managed sub-account to deposit into.");
        var command = common.Add(new Command("deposit", "Move the investor's spot asset into a managed sub-account's spot wallet.") { amount, asset, email, dryRun, confirm });
        command.SetAction((parse, ct) => RunAsync(env, new ManagedDepositOptions(parse.GetValue(amount), parse.GetValue(asset), parse.GetValue(email),
            parse.GetValue(dryRun), parse.GetValue(confirm), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedDepositOptions options, CancellationToken ct)
    {
        var (value, code, target) = ManagedMove.ReadMove(env, options.Amount, options.Asset, options.Account);
        var leg = ManagedSubAccountLegs.Deposit(target.AccountName, target.Email, CommandInput.Email(options.To, "--to"), code, value);
        return ManagedMove.MoveAsync(env, new Printer(env, options.Json), target, leg, options.DryRun, options.Confirm, ct);
    }
}
