using Ferry.Binance.Models.SubAccount;
using System.CommandLine;
using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using Ferry.Core.Outcomes;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub summary</c>: every sub-account's value in one wallet, all pages.</summary>
internal static class SubAccountSummaryCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var wallet = SubAccountWallet.Option();
        var v1 = new Option<bool>("--v1") { Description = "With usdm: use /sapi/v1/sub-account/futures/accountSummary instead of v2." };
        var command = common.Add(new Command("summary", "Every sub-account's value in one wallet (all pages).") { wallet, v1 });
        command.SetAction((parse, ct) => RunAsync(env,
            new SubAccountSummaryOptions(parse.GetValue(wallet), parse.GetValue(v1), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountSummaryOptions options, CancellationToken ct)
    {
        var kind = SubAccountWallet.Parse(options.Wallet);
        if (options.V1 && kind != "usdm") throw CliException.BadInput("--v1 applies to --wallet usdm only.");
        var printer = new Printer(env, options.Json);
        var query = SapiQuery.SubAccounts(env, printer, options.Account);
        return kind switch
        {
            "spot" => query.RunAsync(c => c.SubAccountAssets.GetFullSpotSummaryAsync(null, ct),
                BinanceJsonContext.Default.SubAccountSpotSummary, r =>
                {
                    var table = Printer.NewTable("Email", "Spot value (BTC)");
                    foreach (var s in r.SpotSubUserAssetBtcVoList) Printer.AddRow(table, s.Email, Format(s.TotalAsset));
                    printer.Table(table);
                    printer.Line($"Master: {Format(r.MasterAccountTotalAsset)} BTC; {r.TotalCount} sub-account(s).");
                }, ct),
            "margin" => query.RunAsync(c => c.SubAccountAssets.GetMarginSummaryAsync(ct),
                BinanceJsonContext.Default.SubAccountMarginSummary, r =>
                {
                    var table = Printer.NewTable("Email", "Assets (BTC)", "Liabilities (BTC)", "Net (BTC)");
                    foreach (var s in r.SubAccountList) Printer.AddRow(table, s.Email, Format(s.TotalAssetOfBtc), Format(s.TotalLiabilityOfBtc), Format(s.TotalNetAssetOfBtc));
                    printer.Table(table);
                    printer.Line($"Total net: {Format(r.TotalNetAssetOfBtc)} BTC.");
                }, ct),
            "usdm" when options.V1 => query.RunAsync(c => AllFuturesSummaryV1Async(c, ct),
                BinanceJsonContext.Default.SubAccountFuturesSummary, r => UsdSummaryTable(printer, r), ct),
            _ => query.RunAsync(
                c => AllFuturesSummaryV2Async(c, kind == "usdm" ? FuturesType.UsdtMargined : FuturesType.CoinMargined, ct),
                BinanceJsonContext.Default.SubAccountFuturesSummaryV2, r =>
                {
                    if (r.FutureAccountSummaryResp is { } usd)
                    {
                        UsdSummaryTable(printer, usd);
                        return;
                    }
                    var coin = r.DeliveryAccountSummaryResp!;
                    var table = Printer.NewTable("Email", "Wallet", "Unrealized PnL", "Margin balance", "Unit");
                    foreach (var s in coin.SubAccountList) Printer.AddRow(table, s.Email, Format(s.TotalWalletBalance), Format(s.TotalUnrealizedProfit), Format(s.TotalMarginBalance), s.Asset);
                    printer.Table(table);
                    printer.Line($"Total margin balance: {Format(coin.TotalMarginBalanceOfBtc)} BTC.");
                }, ct),
        };
    }

    private static void UsdSummaryTable(Printer printer, SubAccountFuturesSummary r)
    {
        var table = Printer.NewTable("Email", "Wallet", "Unrealized PnL", "Margin balance", "Initial margin", "Unit");
        foreach (var s in r.SubAccountList) Printer.AddRow(table, s.Email, Format(s.TotalWalletBalance), Format(s.TotalUnrealizedProfit), Format(s.TotalMarginBalance), Format(s.TotalInitialMargin), s.Asset);
        printer.Table(table);
        printer.Line($"Total margin balance: {Format(r.TotalMarginBalance)} {r.Asset}.");
    }

    /// <summary>Every page of the v1 USDⓈ-M summary (20 per request), the rows under the first page's totals.</summary>
    private static async Task<Outcome<SubAccountFuturesSummary>> AllFuturesSummaryV1Async(BinanceClient client, CancellationToken ct)
    {
        var rows = new List<SubAccountFuturesSummaryRow>();
        for (var page = 1; ; page++)
        {
            var outcome = await client.SubAccountAssets.GetFuturesSummaryAsync(new SubAccountFuturesSummaryQuery { Page = page, Limit = SubAccountFuturesSummaryQuery.MaxLimit }, ct);
            if (outcome is not Done<SubAccountFuturesSummary> done) return outcome;
            rows.AddRange(done.Value.SubAccountList);
            if (done.Value.SubAccountList.Count < SubAccountFuturesSummaryQuery.MaxLimit || page >= 1000)
                return new Done<SubAccountFuturesSummary>(done.Value with { SubAccountList = rows });
        }
    }

    /// <summary>Every page of the v2 summary of one futures type (20 per request).</summary>
    private static async Task<Outcome<SubAccountFuturesSummaryV2>> AllFuturesSummaryV2Async(BinanceClient client, FuturesType type, CancellationToken ct)
    {
        var usd = new List<SubAccountFuturesSummaryRow>();
        var coin = new List<SubAccountCoinFuturesSummaryRow>();
        for (var page = 1; ; page++)
        {
            var outcome = await client.SubAccountAssets.GetFuturesSummaryV2Async(
                new SubAccountFuturesSummaryQuery { FuturesType = type, Page = page, Limit = SubAccountFuturesSummaryQuery.MaxLimit }, ct);
            if (outcome is not Done<SubAccountFuturesSummaryV2> done) return outcome;
            var count = done.Value.FutureAccountSummaryResp?.SubAccountList.Count ?? done.Value.DeliveryAccountSummaryResp!.SubAccountList.Count;
            usd.AddRange(done.Value.FutureAccountSummaryResp?.SubAccountList ?? []);
            coin.AddRange(done.Value.DeliveryAccountSummaryResp?.SubAccountList ?? []);
            if (count < SubAccountFuturesSummaryQuery.MaxLimit || page >= 1000)
            {
                return new Done<SubAccountFuturesSummaryV2>(done.Value with
                {
                    FutureAccountSummaryResp = done.Value.FutureAccountSummaryResp is { } u ? u with { SubAccountList = usd } : null,
                    DeliveryAccountSummaryResp = done.Value.DeliveryAccountSummaryResp is { } d ? d with { SubAccountList = coin } : null,
                });
            }
        }
    }
}
