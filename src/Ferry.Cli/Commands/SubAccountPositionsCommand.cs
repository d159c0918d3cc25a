using Ferry.Binance.Models.SubAccount;
using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub positions</c>: a sub-account's futures positions (risk), or with --moves the position-move history.</summary>
internal static class SubAccountPositionsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string?>("EMAIL") { Description = "The sub-account (not with --moves).", Arity = ArgumentArity.ZeroOrOne };
        var coinm = new Option<bool>("--coinm") { Description = "COIN-M positions instead of USDⓈ-M (v2)." };
        var v1 = new Option<bool>("--v1") { Description = "Use /sapi/v1/sub-account/futures/positionRisk (USDⓈ-M only)." };
        var moves = new Option<string?>("--moves") { Description = "Instead: the executed position moves of this symbol (all pages, last 90 days)." };
        var command = common.Add(new Command("positions", "A sub-account's futures positions, or the position-move history.") { email, coinm, v1, moves });
        command.SetAction((parse, ct) => RunAsync(env, new SubAccountPositionsOptions(parse.GetValue(email), parse.GetValue(coinm), parse.GetValue(v1),
            parse.GetValue(moves), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountPositionsOptions options, CancellationToken ct)
    {
        var printer = new Printer(env, options.Json);
        var query = SapiQuery.SubAccounts(env, printer, options.Account);
        if (options.Moves is { } symbolText)
        {
            if (options.Email is not null || options.CoinM || options.V1)
                throw CliException.BadInput("--moves lists moves of one symbol across accounts; give no EMAIL, --coinm or --v1 with it.");
            var history = new MovePositionHistoryQuery(symbolText.ToUpperInvariant(), 1, 100);
            if (history.Validate() is { } problem) throw CliException.BadInput(problem.Replace("symbol", "--moves", StringComparison.Ordinal));
            return query.RunAsync(c => c.SubAccountAssets.GetAllMovePositionHistoryAsync(history, ct),
                BinanceJsonContext.Default.IReadOnlyListMovePositionHistoryRow, rows =>
                {
                    var table = Printer.NewTable("Time (UTC)", "From", "To", "Symbol", "Side", "Position side", "Quantity", "Price");
                    foreach (var m in rows) Printer.AddRow(table, CellText.Time(m.TimeStamp), m.FromUserEmail, m.ToUserEmail, m.Symbol, m.Side, m.PositionSide, Format(m.Quantity), Format(m.Price));
                    printer.Table(table);
                    printer.Line($"{rows.Count} move(s).");
                }, ct);
        }
        if (options.V1 && options.CoinM) throw CliException.BadInput("--v1 covers USDⓈ-M only; drop --v1 or --coinm.");
        var mail = CommandInput.Email(options.Email);
        if (options.V1)
        {
            return query.RunAsync(c => c.SubAccountAssets.GetPositionRiskAsync(new SubAccountEmailRequest(mail), ct),
                BinanceJsonContext.Default.IReadOnlyListSubAccountPositionRisk, rows => UmTable(printer, rows), ct);
        }
        var type = options.CoinM ? FuturesType.CoinMargined : FuturesType.UsdtMargined;
        return query.RunAsync(c => c.SubAccountAssets.GetPositionRiskV2Async(new SubAccountPositionRiskQuery(mail, type), ct),
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
    }

    private static void UmTable(Printer printer, IReadOnlyList<SubAccountPositionRisk> rows)
    {
        var table = Printer.NewTable("Symbol", "Amount", "Entry", "Mark", "Unrealized PnL", "Leverage");
        foreach (var p in rows) Printer.AddRow(table, p.Symbol, Format(p.PositionAmount), Format(p.EntryPrice), Format(p.MarkPrice), Format(p.UnrealizedProfit), p.Leverage);
        printer.Table(table);
        printer.Line($"{rows.Count} position(s).");
    }
}
