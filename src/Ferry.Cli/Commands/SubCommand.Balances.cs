using System.CommandLine;
using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.SubAccount;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary>The balances verbs: assets (one sub-account, one wallet) and summary (every sub-account, one wallet).</summary>
internal static partial class SubCommand
{
    private static readonly string[] Wallets = ["spot", "margin", "usdm", "coinm"];

    private static IEnumerable<Command> BalanceVerbs(CliEnvironment env)
    {
        yield return Assets(env);
        yield return Summary(env);
    }

    private static Option<string> WalletOption() => new("--wallet")
    {
        Description = "spot (default), margin, usdm (USDⓈ-M futures) or coinm (COIN-M futures).",
        DefaultValueFactory = _ => "spot",
    };

    private static string Wallet(string? wallet) =>
        Wallets.Contains(wallet?.ToLowerInvariant()) ? wallet!.ToLowerInvariant()
            : throw CliException.BadInput($"--wallet '{wallet}' is not one of spot, margin, usdm, coinm.");

    private static Command Assets(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var wallet = WalletOption();
        var v3 = new Option<bool>("--v3") { Description = "With spot: use /sapi/v3 (amounts as JSON numbers) instead of /sapi/v4 (strings)." };
        var v1 = new Option<bool>("--v1") { Description = "With usdm: use /sapi/v1/sub-account/futures/account instead of v2." };
        var command = common.Add(new Command("assets", "One sub-account's balances in one wallet.") { email, wallet, v3, v1 });
        command.SetAction((parse, ct) =>
        {
            var request = new SubAccountEmailRequest(Email(parse.GetValue(email)));
            var kind = Wallet(parse.GetValue(wallet));
            if (parse.GetValue(v3) && kind != "spot") throw CliException.BadInput("--v3 applies to --wallet spot only.");
            if (parse.GetValue(v1) && kind != "usdm") throw CliException.BadInput("--v1 applies to --wallet usdm only.");
            var printer = new Printer(env, parse.GetValue(common.Json));
            var account = parse.GetValue(common.Account);
            return kind switch
            {
                "spot" when parse.GetValue(v3) => RunAsync(env, printer, account, c => c.SubAccountAssets.GetAssetsV3Async(request, ct),
                    BinanceJsonContext.Default.SubAccountAssetsV3, r => SpotTable(printer, r.Balances.Select(b => (b.Asset, b.Free, b.Locked, b.Freeze, b.Withdrawing))), ct),
                "spot" => RunAsync(env, printer, account, c => c.SubAccountAssets.GetAssetsV4Async(request, ct),
                    BinanceJsonContext.Default.SubAccountAssetsV4, r => SpotTable(printer, r.Balances.Select(b => (b.Asset, b.Free, b.Locked, b.Freeze, b.Withdrawing))), ct),
                "margin" => RunAsync(env, printer, account, c => c.SubAccountAssets.GetMarginAccountAsync(request, ct),
                    BinanceJsonContext.Default.SubAccountMarginAccount, r =>
                    {
                        var table = Printer.NewTable("Asset", "Free", "Locked", "Borrowed", "Interest", "Net");
                        foreach (var a in r.MarginUserAssetVoList) Printer.AddRow(table, a.Asset, Format(a.Free), Format(a.Locked), Format(a.Borrowed), Format(a.Interest), Format(a.NetAsset));
                        printer.Table(table);
                        printer.Line($"Margin level {Format(r.MarginLevel)}; net {Format(r.TotalNetAssetOfBtc)} BTC.");
                    }, ct),
                "usdm" when parse.GetValue(v1) => RunAsync(env, printer, account, c => c.SubAccountAssets.GetFuturesAccountAsync(request, ct),
                    BinanceJsonContext.Default.SubAccountFuturesAccount, r => FuturesTable(printer, r), ct),
                _ => RunAsync(env, printer, account,
                    c => c.SubAccountAssets.GetFuturesAccountV2Async(new SubAccountFuturesAccountQuery(request.Email, kind == "usdm" ? FuturesType.UsdtMargined : FuturesType.CoinMargined), ct),
                    BinanceJsonContext.Default.SubAccountFuturesAccountV2, r => FuturesTable(printer, (r.FutureAccountResp ?? r.DeliveryAccountResp)!), ct),
            };
        });
        return command;
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

    private static Command Summary(CliEnvironment env)
    {
        var common = Common.New();
        var wallet = WalletOption();
        var v1 = new Option<bool>("--v1") { Description = "With usdm: use /sapi/v1/sub-account/futures/accountSummary instead of v2." };
        var command = common.Add(new Command("summary", "Every sub-account's value in one wallet (all pages).") { wallet, v1 });
        command.SetAction((parse, ct) =>
        {
            var kind = Wallet(parse.GetValue(wallet));
            if (parse.GetValue(v1) && kind != "usdm") throw CliException.BadInput("--v1 applies to --wallet usdm only.");
            var printer = new Printer(env, parse.GetValue(common.Json));
            var account = parse.GetValue(common.Account);
            return kind switch
            {
                "spot" => RunAsync(env, printer, account, c => c.SubAccountAssets.GetFullSpotSummaryAsync(null, ct),
                    BinanceJsonContext.Default.SubAccountSpotSummary, r =>
                    {
                        var table = Printer.NewTable("Email", "Spot value (BTC)");
                        foreach (var s in r.SpotSubUserAssetBtcVoList) Printer.AddRow(table, s.Email, Format(s.TotalAsset));
                        printer.Table(table);
                        printer.Line($"Master: {Format(r.MasterAccountTotalAsset)} BTC; {r.TotalCount} sub-account(s).");
                    }, ct),
                "margin" => RunAsync(env, printer, account, c => c.SubAccountAssets.GetMarginSummaryAsync(ct),
                    BinanceJsonContext.Default.SubAccountMarginSummary, r =>
                    {
                        var table = Printer.NewTable("Email", "Assets (BTC)", "Liabilities (BTC)", "Net (BTC)");
                        foreach (var s in r.SubAccountList) Printer.AddRow(table, s.Email, Format(s.TotalAssetOfBtc), Format(s.TotalLiabilityOfBtc), Format(s.TotalNetAssetOfBtc));
                        printer.Table(table);
                        printer.Line($"Total net: {Format(r.TotalNetAssetOfBtc)} BTC.");
                    }, ct),
                "usdm" when parse.GetValue(v1) => RunAsync(env, printer, account, c => AllFuturesSummaryV1Async(c, ct),
                    BinanceJsonContext.Default.SubAccountFuturesSummary, r => UsdSummaryTable(printer, r), ct),
                _ => RunAsync(env, printer, account,
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
        });
        return command;
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
