using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using Ferry.Core.Money;
using Ferry.Engine.Transfers;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub move-position</c>: move USDⓈ-M positions between the master's accounts at the mark price.</summary>
internal static class SubAccountMovePositionCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var from = new Option<string>("--from") { Description = "The account giving the positions (master or sub-account e-mail).", Required = true };
        var to = new Option<string>("--to") { Description = "The account receiving them.", Required = true };
        var orders = new Argument<string[]>("POSITION") { Description = "SYMBOL:QUANTITY[:BOTH|LONG|SHORT], e.g. BTCUSDT:0.01 (1 to 10).", Arity = ArgumentArity.OneOrMore };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to the move on mainnet without the CONFIRM prompt." };
        var command = common.Add(new Command("move-position", "Move USDⓈ-M positions between the master's accounts at the mark price (at most 10).") { from, to, orders, confirm });
        command.SetAction((parse, ct) => RunAsync(env, new SubAccountMovePositionOptions(parse.GetValue(from), parse.GetValue(to), parse.GetValue(orders) ?? [],
            parse.GetValue(confirm), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountMovePositionOptions options, CancellationToken ct)
    {
        var list = options.Positions.Select(ParseOrder).ToList();
        var request = new MovePositionRequest(CommandInput.Email(options.From, "--from"), CommandInput.Email(options.To, "--to"), list);
        if (request.Validate() is { } problem) throw CliException.BadInput(problem);
        var printer = new Printer(env, options.Json);
        var summary = string.Join(", ", list.Select(o => $"{Format(o.Quantity)} {o.Symbol}"));
        return SapiQuery.SubAccounts(env, printer, options.Account).ChangeAsync(c => c.SubAccountAssets.MovePositionsAsync(request, ct),
            BinanceJsonContext.Default.MovePositionResult, r =>
            {
                var table = Printer.NewTable("Symbol", "Position side", "Side", "Quantity", "Price", "Moved");
                foreach (var o in r.MovePositionOrders) Printer.AddRow(table, o.Symbol, o.PositionSide, o.Side, Format(o.Quantity), Format(o.Price), CellText.YesNo(o.Success));
                printer.Table(table);
                var failed = r.MovePositionOrders.Count(o => !o.Success);
                printer.Line(failed == 0 ? "Every position moved." : $"{failed} position(s) did not move (no such position, or less than the quantity).");
            },
            new MainnetChange($"move positions {summary} from {request.FromUserEmail} to {request.ToUserEmail}", options.Confirm), ct);
    }

    /// <summary>SYMBOL:QUANTITY[:SIDE] → an order; a bad one is bad input naming it.</summary>
    private static MovePositionOrder ParseOrder(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
            throw CliException.BadInput($"'{AmountText.Shown(text)}' is not SYMBOL:QUANTITY[:BOTH|LONG|SHORT], e.g. BTCUSDT:0.01.");
        if (!AmountText.TryParse(parts[1], TransferInput.MaxDecimalPlaces, "Binance", $"The quantity of {AmountText.Shown(parts[0])}", out var quantity, out var refusal))
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
