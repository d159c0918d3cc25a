using System.CommandLine;
using System.Globalization;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using Ferry.Core.Money;
using Ferry.Engine.Transfers;
using Ferry.Binance.Models.SubAccount;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary>The positions verbs: positions (risk, or --moves history) and move-position.</summary>
internal static partial class SubCommand
{
    private static IEnumerable<Command> PositionVerbs(CliEnvironment env)
    {
        yield return Positions(env);
        yield return MovePosition(env);
    }

    private static Command Positions(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string?>("EMAIL") { Description = "The sub-account (not with --moves).", Arity = ArgumentArity.ZeroOrOne };
        var coinm = new Option<bool>("--coinm") { Description = "COIN-M positions instead of USDⓈ-M (v2)." };
        var v1 = new Option<bool>("--v1") { Description = "Use /sapi/v1/sub-account/futures/positionRisk (USDⓈ-M only)." };
        var moves = new Option<string?>("--moves") { Description = "Instead: the executed position moves of this symbol (all pages, last 90 days)." };
        var command = common.Add(new Command("positions", "A sub-account's futures positions, or the position-move history.") { email, coinm, v1, moves });
        command.SetAction((parse, ct) =>
        {
            var printer = new Printer(env, parse.GetValue(common.Json));
            var account = parse.GetValue(common.Account);
            if (parse.GetValue(moves) is { } symbolText)
            {
                if (parse.GetValue(email) is not null || parse.GetValue(coinm) || parse.GetValue(v1))
                    throw CliException.BadInput("--moves lists moves of one symbol across accounts; give no EMAIL, --coinm or --v1 with it.");
                var query = new MovePositionHistoryQuery(symbolText.ToUpperInvariant(), 1, 100);
                if (query.Validate() is { } problem) throw CliException.BadInput(problem.Replace("symbol", "--moves", StringComparison.Ordinal));
                return RunAsync(env, printer, account, c => c.SubAccountAssets.GetAllMovePositionHistoryAsync(query, ct),
                    BinanceJsonContext.Default.IReadOnlyListMovePositionHistoryRow, rows =>
                    {
                        var table = Printer.NewTable("Time (UTC)", "From", "To", "Symbol", "Side", "Position side", "Quantity", "Price");
                        foreach (var m in rows) Printer.AddRow(table, Time(m.TimeStamp), m.FromUserEmail, m.ToUserEmail, m.Symbol, m.Side, m.PositionSide, Format(m.Quantity), Format(m.Price));
                        printer.Table(table);
                        printer.Line($"{rows.Count} move(s).");
                    }, ct);
            }
            if (parse.GetValue(v1) && parse.GetValue(coinm)) throw CliException.BadInput("--v1 covers USDⓈ-M only; drop --v1 or --coinm.");
            var mail = Email(parse.GetValue(email));
            if (parse.GetValue(v1))
            {
                return RunAsync(env, printer, account, c => c.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(mail), ct),
                    BinanceJsonContext.Default.IReadOnlyListSubAccountPositionRisk, rows => UmTable(printer, rows), ct);
            }
            var type = parse.GetValue(coinm) ? FuturesType.CoinMargined : FuturesType.UsdtMargined;
            return RunAsync(env, printer, account, c => c.SubAccountAssets.GetPositionRiskV2Async(new SubAccountPositionRiskQuery(mail, type), ct),
                BinanceJsonContext.Default.SubAccountPositionRiskV2, r =>
                {
                    if (r.FuturePositionRiskVos is { } um)
                    {
                        UmTable(printer, um);
                        return;
                    }
                    var table = Printer.NewTable("Symbol", "Position side", "Amount", "Entry", "Mark", "Unrealized PnL", "Leverage");
                    foreach (var p in r.DeliveryPositionRiskVos!) Printer.AddRow(table, p.Symbol, p.PositionSide, Format(p.PositionAmount), Format(p.EntryPrice), Format(p.MarkPrice), Format(p.UnrealizedProfit), p.Leverage);
                    printer.Table(table);
                    printer.Line($"{r.DeliveryPositionRiskVos!.Count} position(s).");
                }, ct);
        });
        return command;
    }

    private static void UmTable(Printer printer, IReadOnlyList<SubAccountPositionRisk> rows)
    {
        var table = Printer.NewTable("Symbol", "Amount", "Entry", "Mark", "Unrealized PnL", "Leverage");
        foreach (var p in rows) Printer.AddRow(table, p.Symbol, Format(p.PositionAmount), Format(p.EntryPrice), Format(p.MarkPrice), Format(p.UnrealizedProfit), p.Leverage);
        printer.Table(table);
        printer.Line($"{rows.Count} position(s).");
    }

    private static Command MovePosition(CliEnvironment env)
    {
        var common = Common.New();
        var from = new Option<string>("--from") { Description = "The account giving the positions (master or sub-account e-mail).", Required = true };
        var to = new Option<string>("--to") { Description = "The account receiving them.", Required = true };
        var orders = new Argument<string[]>("POSITION") { Description = "SYMBOL:QUANTITY[:BOTH|LONG|SHORT], e.g. BTCUSDT:0.01 (1 to 10).", Arity = ArgumentArity.OneOrMore };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to the move on mainnet without the CONFIRM prompt." };
        var command = common.Add(new Command("move-position", "Move USDⓈ-M positions between the master's accounts at the mark price (at most 10).") { from, to, orders, confirm });
        command.SetAction((parse, ct) =>
        {
            var list = (parse.GetValue(orders) ?? []).Select(ParseOrder).ToList();
            var request = new MovePositionRequest(Email(parse.GetValue(from), "--from"), Email(parse.GetValue(to), "--to"), list);
            if (request.Validate() is { } problem) throw CliException.BadInput(problem);
            var printer = new Printer(env, parse.GetValue(common.Json));
            var summary = string.Join(", ", list.Select(o => $"{Format(o.Quantity)} {o.Symbol}"));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.SubAccountAssets.MovePositionsAsync(request, ct),
                BinanceJsonContext.Default.MovePositionResult, r =>
                {
                    var table = Printer.NewTable("Symbol", "Position side", "Side", "Quantity", "Price", "Moved");
                    foreach (var o in r.MovePositionOrders) Printer.AddRow(table, o.Symbol, o.PositionSide, o.Side, Format(o.Quantity), Format(o.Price), YesNo(o.Success));
                    printer.Table(table);
                    var failed = r.MovePositionOrders.Count(o => !o.Success);
                    printer.Line(failed == 0 ? "Every position moved." : $"{failed} position(s) did not move (no such position, or less than the quantity).");
                },
                $"move positions {summary} from {request.FromUserEmail} to {request.ToUserEmail}", parse.GetValue(confirm), ct);
        });
        return command;
    }

    /// <summary>SYMBOL:QUANTITY[:SIDE] → an order; a bad one is bad input naming it.</summary>
    private static MovePositionOrder ParseOrder(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
            throw CliException.BadInput($"'{AmountText.Shown(text)}' is not SYMBOL:QUANTITY[:BOTH|LONG|SHORT], e.g. BTCUSDT:0.01.");
        if (!AmountText.TryParse(parts[1], TransferPlanner.MaxDecimalPlaces, "Binance", $"The quantity of {AmountText.Shown(parts[0])}", out var quantity, out var refusal))
            throw CliException.BadInput(refusal);
        var side = parts.Length == 2 ? PositionSide.Both : parts[2].ToUpperInvariant() switch
        {
            "BOTH" => PositionSide.Both,
            "LONG" => PositionSide.Long,
            "SHORT" => PositionSide.Short,
            _ => throw CliException.BadInput($"'{parts[2]}' in '{text}' is not BOTH, LONG or SHORT."),
        };
        return new MovePositionOrder(parts[0].ToUpperInvariant(), quantity, side);
    }
}
