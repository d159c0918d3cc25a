using System.CommandLine;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed margin-assets</c>: a managed sub-account's margin assets.</summary>
internal static class ManagedMarginAssetsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var isolated = new Option<bool>("--isolated") { Description = "Isolated margin (default: cross margin)." };
        var command = common.Add(new Command("margin-assets", "A managed sub-account's margin assets.") { email, isolated });
        command.SetAction((parse, ct) => RunAsync(env,
            new ManagedMarginAssetsOptions(parse.GetValue(email), parse.GetValue(isolated), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedMarginAssetsOptions options, CancellationToken ct)
    {
        var query = new ManagedSubAccountMarginQuery(CommandInput.Email(options.Email))
        {
            AccountType = options.Isolated ? ManagedMarginAccountType.IsolatedMargin : null,
        };
        CommandInput.Check(query.Validate());
        var printer = new Printer(env, options.Json);
        return SapiQuery.ManagedSubAccounts(env, printer, options.Account).RunAsync(c => c.ManagedSubAccount.GetMarginAssetsAsync(query, ct),
            BinanceJsonContext.Default.ManagedSubAccountMarginAssets, r =>
            {
                var table = Printer.NewTable("Asset", "Free", "Locked", "Borrowed", "Interest", "Net");
                foreach (var a in r.UserAssets) Printer.AddRow(table, a.Asset, Format(a.Free), Format(a.Locked), Format(a.Borrowed), Format(a.Interest), Format(a.NetAsset));
                printer.Table(table);
                printer.Line($"Margin level {Format(r.MarginLevel)}; net assets {Format(r.TotalNetAssetOfBtc)} BTC.");
            }, ct);
    }
}
