using System.CommandLine;
using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed withdraw</c>: a managed sub-account's spot asset back to the investor's spot wallet, now or on a day (UTC).</summary>
internal static class ManagedWithdrawCommand
{
    public static Command Create(CliEnvironment env)
    {
        var (amount, asset, email, dryRun, confirm, common) = ManagedMove.Symbols("--from", "The managed sub-account to withdraw from.");
        var date = new Option<string?>("--date") { Description = "Withdraw on this date, YYYY-MM-DD (UTC), instead of now." };
        var command = common.Add(new Command("withdraw", "Move a managed sub-account's spot asset back to the investor's spot wallet, now or on --date (UTC).")
        {
            amount, asset, email, date, dryRun, confirm,
        });
        command.SetAction((parse, ct) => RunAsync(env, new ManagedWithdrawOptions(parse.GetValue(amount), parse.GetValue(asset), parse.GetValue(email),
            parse.GetValue(date), parse.GetValue(dryRun), parse.GetValue(confirm), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedWithdrawOptions options, CancellationToken ct)
    {
        var (value, code, target) = ManagedMove.ReadMove(env, options.Amount, options.Asset, options.Account);
        DateTimeOffset? transferDate = null;
        if (options.Date is { } text)
        {
            if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw CliException.BadInput($"--date '{text}' is not a date; write it as YYYY-MM-DD (UTC), e.g. 2026-12-31.");
            transferDate = new DateTimeOffset(day, TimeSpan.Zero);
            if (transferDate < new DateTimeOffset(env.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero))
                throw CliException.BadInput($"--date {text} is in the past; give today or a later day (UTC), or omit it to withdraw now.");
        }
        var leg = ManagedSubAccountLegs.Withdraw(target.AccountName, target.Email, CommandInput.Email(options.From, "--from"), code, value, transferDate);
        return ManagedMove.MoveAsync(env, new Printer(env, options.Json), target, leg, options.DryRun, options.Confirm, ct);
    }
}
