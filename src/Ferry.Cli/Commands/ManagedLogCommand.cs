using Ferry.Binance.Models.ManagedSubAccount;
using System.CommandLine;
using System.Globalization;
using Ferry.Binance;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;
using Ferry.Core.Outcomes;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed log</c>: the managed sub-account transfer log of one of the three roles, newest first, all pages.</summary>
internal static class ManagedLogCommand
{
    /// <summary>The most pages of 500 a log read takes before it gives up.</summary>
    private const int MaxLogPages = 100;

    private static readonly string[] Roles = ["investor", "team", "sub"];
    private static readonly string[] LogAccountTypes = ["spot", "margin", "isolated", "usdm", "coinm"];

    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string?>("EMAIL") { Description = "The managed sub-account (not with --role sub).", Arity = ArgumentArity.ZeroOrOne };
        var role = new Option<string>("--role")
        {
            Description = "Whose key reads it: investor (default; the investor master), team (the trading-team master) or sub (the managed sub-account's own key, no EMAIL).",
            DefaultValueFactory = _ => "investor",
        };
        var days = new Option<int>("--days") { Description = "The last N days, 1..183 (Binance allows at most half a year; default 30).", DefaultValueFactory = _ => 30 };
        var direction = new Option<string?>("--direction") { Description = "in (deposits into the managed sub-account) or out (withdrawals)." };
        var accountType = new Option<string?>("--account-type") { Description = "Only this account type on the managed sub-account's side: spot, margin, isolated, usdm, coinm." };
        var command = common.Add(new Command("log", "The managed sub-account transfer log: deposits and withdrawals, newest first (all pages).") { email, role, days, direction, accountType });
        command.SetAction((parse, ct) => RunAsync(env, new ManagedLogOptions(parse.GetValue(email), parse.GetValue(role), parse.GetValue(days),
            parse.GetValue(direction), parse.GetValue(accountType), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedLogOptions options, CancellationToken ct)
    {
        var who = CommandInput.Choice(options.Role, Roles, "--role");
        var e = options.Email;
        if (who == "sub" && e is not null) throw CliException.BadInput("--role sub reads the calling key's own log; give no EMAIL.");
        if (who != "sub" && e is null) throw CliException.BadInput($"--role {who} needs the managed sub-account's EMAIL.");
        var d = options.Days;
        if (d is < 1 or > 183) throw CliException.BadInput($"--days {d} is out of range; use 1 to 183.");
        var now = env.Time.GetUtcNow();
        var query = new ManagedSubAccountTransferLogQuery(now.AddDays(-d), now)
        {
            Email = e is null ? null : CommandInput.Email(e),
            Transfers = options.Direction is { } dir
                ? CommandInput.Choice(dir, ["in", "out"], "--direction") == "in" ? ManagedTransferDirection.To : ManagedTransferDirection.From
                : null,
            TransferFunctionAccountType = options.AccountType is { } t
                ? CommandInput.Choice(t, LogAccountTypes, "--account-type") switch
                {
                    "margin" => ManagedAccountType.Margin,
                    "isolated" => ManagedAccountType.IsolatedMargin,
                    "usdm" => ManagedAccountType.UsdtFuture,
                    "coinm" => ManagedAccountType.CoinFuture,
                    _ => ManagedAccountType.Spot,
                }
                : null,
        };
        CommandInput.Check(query.Validate());
        var printer = new Printer(env, options.Json);
        return SapiQuery.ManagedSubAccounts(env, printer, options.Account).RunAsync(c => AllPagesAsync(c, who, query, ct),
            BinanceJsonContext.Default.ManagedSubAccountTransferLog, r =>
            {
                var table = Printer.NewTable("Time (UTC)", "Tran id", "From", "To", "Asset", "Amount", "Status");
                foreach (var row in r.ManagerSubTransferHistoryVos)
                {
                    Printer.AddRow(table, CellText.Time(row.CreateTime), row.TranId.ToString(CultureInfo.InvariantCulture), $"{row.FromEmail}/{row.FromAccountType}",
                        $"{row.ToEmail}/{row.ToAccountType}", row.Asset, Format(row.Amount), row.Status);
                }
                printer.Table(table);
                printer.Line($"{r.Count} transfer(s) in the last {d} day(s).");
            }, ct);
    }

    /// <summary>Reads every page (500 per request) of the chosen role's log into one answer.</summary>
    private static async Task<Outcome<ManagedSubAccountTransferLog>> AllPagesAsync(BinanceClient client, string role, ManagedSubAccountTransferLogQuery query, CancellationToken ct)
    {
        var rows = new List<ManagedSubAccountTransferRow>();
        for (var page = 1; page <= MaxLogPages; page++)
        {
            var q = query with { Page = page, Limit = ManagedSubAccountTransferLogQuery.MaxLimit };
            var outcome = role switch
            {
                "team" => await client.ManagedSubAccount.GetTradeParentTransferLogAsync(q, ct),
                "sub" => await client.ManagedSubAccount.GetOwnTransferLogAsync(q, ct),
                _ => await client.ManagedSubAccount.GetInvestorTransferLogAsync(q, ct),
            };
            if (outcome is not Done<ManagedSubAccountTransferLog> done) return outcome;
            rows.AddRange(done.Value.ManagerSubTransferHistoryVos);
            if (done.Value.ManagerSubTransferHistoryVos.Count < ManagedSubAccountTransferLogQuery.MaxLimit || rows.Count >= done.Value.Count)
            {
                return new Done<ManagedSubAccountTransferLog>(new ManagedSubAccountTransferLog { ManagerSubTransferHistoryVos = rows, Count = rows.Count });
            }
        }
        return new Unknown<ManagedSubAccountTransferLog>($"The transfer log has more than {MaxLogPages} pages; ask for fewer days.");
    }
}
