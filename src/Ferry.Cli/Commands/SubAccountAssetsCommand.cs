using Ferry.Binance.Models.SubAccount;
using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub assets</c>: one sub-account's balances in one wallet.</summary>
internal static class SubAccountAssetsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var wallet = SubAccountWallet.Option();
        var v3 = new Option<bool>("--v3") { Description = "With spot: use /sapi/v3 (amounts as JSON numbers) instead of /sapi/v4 (strings)." };
        var v1 = new Option<bool>("--v1") { Description = "With usdm: use /sapi/v1/sub-account/futures/account instead of v2." };
        var command = common.Add(new Command("assets", "One sub-account's balances in one wallet.") { email, wallet, v3, v1 });
        command.SetAction((parse, ct) => RunAsync(env, new SubAccountAssetsOptions(parse.GetValue(email), parse.GetValue(wallet),
            parse.GetValue(v3), parse.GetValue(v1), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountAssetsOptions options, CancellationToken ct)
    {
        var request = new SubAccountEmailRequest(CommandInput.Email(options.Email));
        var kind = SubAccountWallet.Parse(options.Wallet);
        if (options.V3 && kind != "spot") throw CliException.BadInput("--v3 applies to --wallet spot only.");
        if (options.V1 && kind != "usdm") throw CliException.BadInput("--v1 applies to --wallet usdm only.");
        var printer = new Printer(env, options.Json);
        var query = SapiQuery.SubAccounts(env, printer, options.Account);
        return kind switch
        {
            "spot" when options.V3 => query.RunAsync(c => c.SubAccountAssets.GetAssetsV3Async(request, ct),
                BinanceJsonContext.Default.SubAccountAssetsV3, r => SpotTable(printer, r.Balances.Select(b => (b.Asset, b.Free, b.Locked, b.Freeze, b.Withdrawing))), ct),
            "spot" => query.RunAsync(c => c.SubAccountAssets.GetAssetsV4Async(request, ct),
                BinanceJsonContext.Default.SubAccountAssetsV4, r => SpotTable(printer, r.Balances.Select(b => (b.Asset, b.Free, b.Locked, b.Freeze, b.Withdrawing))), ct),
            "margin" => query.RunAsync(c => c.SubAccountAssets.GetMarginAccountAsync(request, ct),
                BinanceJsonContext.Default.SubAccountMarginAccount, r =>
                {
                    var table = Printer.NewTable("Asset", "Free", "Locked", "Borrowed", "Interest", "Net");
                    foreach (var a in r.MarginUserAssetVoList) Printer.AddRow(table, a.Asset, Format(a.Free), Format(a.Locked), Format(a.Borrowed), Format(a.Interest), Format(a.NetAsset));
                    printer.Table(table);
                    printer.Line($"Margin level {Format(r.MarginLevel)}; net {Format(r.TotalNetAssetOfBtc)} BTC.");
                }, ct),
            "usdm" when options.V1 => query.RunAsync(c => c.SubAccountAssets.GetFuturesAccountAsync(request, ct),
                BinanceJsonContext.Default.SubAccountFuturesAccount, r => FuturesTable(printer, r), ct),
            _ => query.RunAsync(
                c => c.SubAccountAssets.GetFuturesAccountV2Async(new SubAccountFuturesAccountQuery(request.Email, kind == "usdm" ? FuturesType.UsdtMargined : FuturesType.CoinMargined), ct),
                BinanceJsonContext.Default.SubAccountFuturesAccountV2, r => FuturesTable(printer, (r.FutureAccountResp ?? r.DeliveryAccountResp)!), ct),
        };
    }

    private static void SpotTable(Printer printer, IEnumerable<(string Asset, decimal Free, decimal Locked, decimal Freeze, decimal Withdrawing)> rows)
    {
        var table = Printer.NewTable("Asset", "Free", "Locked", "Freeze", "Withdrawing");
        var n = 0;
        foreach (var r in rows)
        {
            Printer.AddRow(table, r.Asset, Format(r.Free), Format(r.Locked), Format(r.Freeze), Format(r.Withdrawing));
            n++;
        }
        printer.Table(table);
        if (n == 0) printer.Line("No balances.");
    }

    private static void FuturesTable(Printer printer, SubAccountFuturesAccount account)
    {
        var table = Printer.NewTable("Asset", "Wallet", "Unrealized PnL", "Margin balance", "Initial margin", "Maint. margin", "Max withdraw");
        foreach (var a in account.Assets)
            Printer.AddRow(table, a.Asset, Format(a.WalletBalance), Format(a.UnrealizedProfit), Format(a.MarginBalance), Format(a.InitialMargin), Format(a.MaintenanceMargin), Format(a.MaxWithdrawAmount));
        printer.Table(table);
        if (account.Assets.Count == 0) printer.Line("No balances.");
    }
}
