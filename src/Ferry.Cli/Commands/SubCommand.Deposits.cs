using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary>The deposits verbs: deposit-address and deposits.</summary>
internal static partial class SubCommand
{
    private static IEnumerable<Command> DepositVerbs(CliEnvironment env)
    {
        yield return DepositAddress(env);
        yield return Deposits(env);
    }

    private static string Code(string? code, string what)
    {
        var upper = code?.ToUpperInvariant() ?? "";
        return upper.Length is >= 1 and <= 20 && upper.All(char.IsAsciiLetterOrDigit)
            ? upper
            : throw CliException.BadInput($"{what} '{code}' is not a coin or network code; write it like USDT or ETH.");
    }

    private static Command DepositAddress(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var coin = new Argument<string>("COIN") { Description = "The coin, e.g. USDT." };
        var network = new Option<string?>("--network") { Description = "The network, e.g. ETH, BSC, TRX (default: Binance's default for the coin)." };
        var command = common.Add(new Command("deposit-address", "A sub-account's deposit address for a coin.") { email, coin, network });
        command.SetAction((parse, ct) =>
        {
            var query = new SubAccountDepositAddressQuery(Email(parse.GetValue(email)), Code(parse.GetValue(coin), "COIN"))
            {
                Network = parse.GetValue(network) is { } n ? Code(n, "--network") : null,
            };
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.SubAccountManagement.GetDepositAddressAsync(query, ct),
                BinanceJsonContext.Default.SubAccountDepositAddress, r =>
                {
                    printer.Line($"{r.Coin} deposit address of {query.Email}{(query.Network is null ? "" : $" on {query.Network}")}: {r.Address}");
                    if (r.Tag.Length > 0) printer.Line($"Tag/memo: {r.Tag}");
                    if (r.Url.Length > 0) printer.Line(r.Url);
                }, ct);
        });
        return command;
    }

    private static Command Deposits(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var coin = new Option<string?>("--coin") { Description = "Only this coin." };
        var status = new Option<int?>("--status") { Description = "Only this status: 0 pending, 1 success, 6 credited but cannot withdraw, 7 wrong deposit, 8 waiting user confirm." };
        var days = new Option<int?>("--days") { Description = "Only the last N days (1..3650; default: everything Binance returns)." };
        var command = common.Add(new Command("deposits", "A sub-account's deposit history, newest first (all pages).") { email, coin, status, days });
        command.SetAction((parse, ct) =>
        {
            var s = parse.GetValue(status);
            if (s is { } value && !Enum.IsDefined((DepositStatus)value)) throw CliException.BadInput($"--status {value} is not 0, 1, 6, 7 or 8.");
            var d = parse.GetValue(days);
            if (d is < 1 or > 3650) throw CliException.BadInput($"--days {d} is out of range; use 1 to 3650.");
            var query = new SubAccountDepositHistoryQuery(Email(parse.GetValue(email)))
            {
                Coin = parse.GetValue(coin) is { } c ? Code(c, "--coin") : null,
                Status = (DepositStatus?)s,
                StartTime = d is { } n ? env.Time.GetUtcNow().AddDays(-n) : null,
            };
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.SubAccountManagement.GetAllDepositHistoryAsync(query, ct),
                BinanceJsonContext.Default.IReadOnlyListSubAccountDepositRow, rows =>
                {
                    var table = Printer.NewTable("Time (UTC)", "Coin", "Network", "Amount", "Status", "TxId");
                    foreach (var r in rows) Printer.AddRow(table, Time(r.InsertTime), r.Coin, r.Network, Format(r.Amount), StatusName(r.Status), r.TxId);
                    printer.Table(table);
                    printer.Line($"{rows.Count} deposit(s).");
                }, ct);
        });
        return command;
    }

    private static string StatusName(int status) => status switch
    {
        0 => "pending",
        1 => "success",
        6 => "credited, cannot withdraw",
        7 => "wrong deposit",
        8 => "waiting user confirm",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
