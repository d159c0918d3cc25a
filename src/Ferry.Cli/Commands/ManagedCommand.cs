using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;
using Ferry.Cli.Sessions;
using Ferry.Core.Outcomes;
using Ferry.Binance.Models.ManagedSubAccount;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry managed ...</c>: managed sub-accounts. The investor master's key lists them, reads their wallets,
/// snapshots and deposit addresses, and moves spot money in (deposit) and out (withdraw, now or on a date); the transfer
/// log is read by any of the three roles. Every verb checks all of its input before a session opens, prints tables for
/// people and one JSON document with --json (the exchange's answer under "result"), and maps the outcome to the exit
/// codes of docs/cli.md. Deposit and withdraw are transfer legs run by the same executor and consent rule as ferry transfer.
/// </summary>
internal static partial class ManagedCommand
{
    /// <summary>The most pages of 500 a log read takes before it gives up.</summary>
    private const int MaxLogPages = 100;

    private static readonly string[] SnapshotTypes = ["spot", "margin", "futures"];
    private static readonly string[] Roles = ["investor", "team", "sub"];
    private static readonly string[] LogAccountTypes = ["spot", "margin", "isolated", "usdm", "coinm"];

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("managed", "Managed sub-accounts: the investor master's queries and moves, and the transfer logs of all three roles.");
        foreach (var verb in new[] { List(env), Assets(env), FuturesAssets(env), MarginAssets(env), Snapshot(env), Deposit(env), Withdraw(env), DepositAddress(env), Log(env) })
        {
            command.Subcommands.Add(verb);
        }
        return command;
    }

    /// <summary>The options every verb has: --json and --account.</summary>
    private sealed record Common(Option<bool> Json, Option<string?> Account)
    {
        public static Common New() => new(CommonOptions.Json(), CommonOptions.Account());

        public Command Add(Command command)
        {
            command.Options.Add(Json);
            command.Options.Add(Account);
            return command;
        }
    }

    private static string Email(string? email, string what = "EMAIL")
    {
        if (!EmailAddress.IsValid(email)) throw CliException.BadInput($"{what} '{email}' is not an email address; write it as name@domain.tld.");
        return email!.ToLowerInvariant();
    }

    private static string Code(string? code, string what)
    {
        var upper = code?.ToUpperInvariant() ?? "";
        return upper.Length is >= 1 and <= 20 && upper.All(char.IsAsciiLetterOrDigit)
            ? upper
            : throw CliException.BadInput($"{what} '{code}' is not an asset or network code; write it like USDT or ETH.");
    }

    private static string Choice(string? value, string[] allowed, string what) =>
        allowed.Contains(value?.ToLowerInvariant()) ? value!.ToLowerInvariant()
            : throw CliException.BadInput($"{what} '{value}' is not one of {string.Join(", ", allowed)}.");

    /// <summary>Throws bad input with the request's own sentence when the client would refuse it.</summary>
    private static void Check(string? problem)
    {
        if (problem is not null) throw CliException.BadInput(problem);
    }

    private static Command List(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Option<string?>("--email") { Description = "Only this managed sub-account." };
        var command = common.Add(new Command("list", "The investor's managed sub-accounts and their trading teams (all pages).") { email });
        command.SetAction((parse, ct) =>
        {
            var query = new ManagedSubAccountListQuery { Email = parse.GetValue(email) is { } e ? Email(e, "--email") : null };
            Check(query.Validate());
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.ManagedSubAccount.GetAllAsync(query, ct),
                BinanceJsonContext.Default.IReadOnlyListManagedSubAccountInfo, rows =>
                {
                    var table = Printer.NewTable("Email", "Trading team", "Created (UTC)", "Enabled", "Margin", "Futures");
                    foreach (var r in rows) Printer.AddRow(table, r.Email, r.BindParentEmail, Time(r.InsertTimeStamp), YesNo(r.IsSubUserEnabled), YesNo(r.IsMarginEnabled), YesNo(r.IsFutureEnabled));
                    printer.Table(table);
                    printer.Line($"{rows.Count} managed sub-account(s).");
                }, ct);
        });
        return command;
    }

    private static Command Assets(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var command = common.Add(new Command("assets", "A managed sub-account's spot assets.") { email });
        command.SetAction((parse, ct) =>
        {
            var query = new ManagedSubAccountEmailQuery(Email(parse.GetValue(email)));
            Check(query.Validate());
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.ManagedSubAccount.GetAssetsAsync(query, ct),
                BinanceJsonContext.Default.IReadOnlyListManagedSubAccountAsset, rows =>
                {
                    var table = Printer.NewTable("Coin", "Total", "Available", "In order", "BTC value");
                    foreach (var r in rows) Printer.AddRow(table, r.Coin, Format(r.TotalBalance), Format(r.AvailableBalance), Format(r.InOrder), Format(r.BtcValue));
                    printer.Table(table);
                    printer.Line($"{rows.Count} asset(s) in {query.Email}'s spot wallet.");
                }, ct);
        });
        return command;
    }

    private static Command FuturesAssets(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var coinm = new Option<bool>("--coinm") { Description = "COIN-M futures (default: USDⓈ-M)." };
        var command = common.Add(new Command("futures-assets", "A managed sub-account's futures assets and positions.") { email, coinm });
        command.SetAction((parse, ct) =>
        {
            var query = new ManagedSubAccountFuturesQuery(Email(parse.GetValue(email)))
            {
                AccountType = parse.GetValue(coinm) ? ManagedFuturesAccountType.CoinFuture : null,
            };
            Check(query.Validate());
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.ManagedSubAccount.GetFuturesAssetsAsync(query, ct),
                BinanceJsonContext.Default.ManagedSubAccountFuturesAssets, r =>
                {
                    var table = Printer.NewTable("Asset", "Wallet balance", "Margin balance");
                    var positions = Printer.NewTable("Symbol", "Amount", "Entry", "Mark");
                    foreach (var s in r.SnapshotVos)
                    {
                        foreach (var a in s.Data.Assets) Printer.AddRow(table, a.Asset, Format(a.WalletBalance), Format(a.MarginBalance));
                        foreach (var p in s.Data.Position) Printer.AddRow(positions, p.Symbol, Format(p.PositionAmt), Format(p.EntryPrice), Format(p.MarkPrice));
                    }
                    printer.Table(table);
                    printer.Table(positions);
                }, ct);
        });
        return command;
    }

    private static Command MarginAssets(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var isolated = new Option<bool>("--isolated") { Description = "Isolated margin (default: cross margin)." };
        var command = common.Add(new Command("margin-assets", "A managed sub-account's margin assets.") { email, isolated });
        command.SetAction((parse, ct) =>
        {
            var query = new ManagedSubAccountMarginQuery(Email(parse.GetValue(email)))
            {
                AccountType = parse.GetValue(isolated) ? ManagedMarginAccountType.IsolatedMargin : null,
            };
            Check(query.Validate());
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.ManagedSubAccount.GetMarginAssetsAsync(query, ct),
                BinanceJsonContext.Default.ManagedSubAccountMarginAssets, r =>
                {
                    var table = Printer.NewTable("Asset", "Free", "Locked", "Borrowed", "Interest", "Net");
                    foreach (var a in r.UserAssets) Printer.AddRow(table, a.Asset, Format(a.Free), Format(a.Locked), Format(a.Borrowed), Format(a.Interest), Format(a.NetAsset));
                    printer.Table(table);
                    printer.Line($"Margin level {Format(r.MarginLevel)}; net assets {Format(r.TotalNetAssetOfBtc)} BTC.");
                }, ct);
        });
        return command;
    }

    private static Command Snapshot(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var type = new Option<string>("--type") { Description = "spot (default), margin or futures.", DefaultValueFactory = _ => "spot" };
        var limit = new Option<int?>("--limit") { Description = "How many daily snapshots, 7..30 (default 7). Binance keeps only the last month." };
        var command = common.Add(new Command("snapshot", "A managed sub-account's daily snapshots (end of each UTC day).") { email, type, limit });
        command.SetAction((parse, ct) =>
        {
            var kind = Choice(parse.GetValue(type), SnapshotTypes, "--type") switch
            {
                "margin" => ManagedSnapshotType.Margin,
                "futures" => ManagedSnapshotType.Futures,
                _ => ManagedSnapshotType.Spot,
            };
            var l = parse.GetValue(limit);
            if (l is { } n && (n < ManagedSubAccountSnapshotQuery.MinLimit || n > ManagedSubAccountSnapshotQuery.MaxLimit))
                throw CliException.BadInput($"--limit {n} is out of range; use {ManagedSubAccountSnapshotQuery.MinLimit} to {ManagedSubAccountSnapshotQuery.MaxLimit}.");
            var query = new ManagedSubAccountSnapshotQuery(Email(parse.GetValue(email)), kind) { Limit = l };
            Check(query.Validate());
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.ManagedSubAccount.GetSnapshotAsync(query, ct),
                BinanceJsonContext.Default.ManagedSubAccountSnapshotPage, r =>
                {
                    var table = Printer.NewTable("Day end (UTC)", "Asset", "Amount");
                    foreach (var s in r.SnapshotVos)
                    {
                        var day = Time(s.UpdateTime);
                        foreach (var b in s.Data.Balances) Printer.AddRow(table, day, b.Asset, Format(b.Free + b.Locked));
                        foreach (var a in s.Data.UserAssets) Printer.AddRow(table, day, a.Asset, Format(a.NetAsset));
                        foreach (var a in s.Data.Assets) Printer.AddRow(table, day, a.Asset, Format(a.WalletBalance));
                    }
                    printer.Table(table);
                    printer.Line($"{r.SnapshotVos.Count} {query.Type.WireName().ToLowerInvariant()} snapshot(s).");
                }, ct);
        });
        return command;
    }

    private static Command DepositAddress(CliEnvironment env)
    {
        var common = Common.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var coin = new Argument<string>("COIN") { Description = "The coin, e.g. USDT." };
        var network = new Option<string?>("--network") { Description = "The network, e.g. ETH, BSC, TRX (default: Binance's default for the coin)." };
        var command = common.Add(new Command("deposit-address", "A managed sub-account's deposit address for a coin.") { email, coin, network });
        command.SetAction((parse, ct) =>
        {
            var query = new ManagedSubAccountDepositAddressQuery(Email(parse.GetValue(email)), Code(parse.GetValue(coin), "COIN"))
            {
                Network = parse.GetValue(network) is { } n ? Code(n, "--network") : null,
            };
            Check(query.Validate());
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => c.ManagedSubAccount.GetDepositAddressAsync(query, ct),
                BinanceJsonContext.Default.ManagedSubAccountDepositAddress, r =>
                {
                    printer.Line($"{r.Coin} deposit address of {query.Email}{(query.Network is null ? "" : $" on {query.Network}")}: {r.Address}");
                    if (r.Tag.Length > 0) printer.Line($"Tag/memo: {r.Tag}");
                    if (r.Url.Length > 0) printer.Line(r.Url);
                }, ct);
        });
        return command;
    }

    private static Command Log(CliEnvironment env)
    {
        var common = Common.New();
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
        command.SetAction((parse, ct) =>
        {
            var who = Choice(parse.GetValue(role), Roles, "--role");
            var e = parse.GetValue(email);
            if (who == "sub" && e is not null) throw CliException.BadInput("--role sub reads the calling key's own log; give no EMAIL.");
            if (who != "sub" && e is null) throw CliException.BadInput($"--role {who} needs the managed sub-account's EMAIL.");
            var d = parse.GetValue(days);
            if (d is < 1 or > 183) throw CliException.BadInput($"--days {d} is out of range; use 1 to 183.");
            var now = env.Time.GetUtcNow();
            var query = new ManagedSubAccountTransferLogQuery(now.AddDays(-d), now)
            {
                Email = e is null ? null : Email(e),
                Transfers = parse.GetValue(direction) is { } dir
                    ? Choice(dir, ["in", "out"], "--direction") == "in" ? ManagedTransferDirection.To : ManagedTransferDirection.From
                    : null,
                TransferFunctionAccountType = parse.GetValue(accountType) is { } t
                    ? Choice(t, LogAccountTypes, "--account-type") switch
                    {
                        "margin" => ManagedAccountType.Margin,
                        "isolated" => ManagedAccountType.IsolatedMargin,
                        "usdm" => ManagedAccountType.UsdtFuture,
                        "coinm" => ManagedAccountType.CoinFuture,
                        _ => ManagedAccountType.Spot,
                    }
                    : null,
            };
            Check(query.Validate());
            var printer = new Printer(env, parse.GetValue(common.Json));
            return RunAsync(env, printer, parse.GetValue(common.Account), c => AllPagesAsync(c, who, query, ct),
                BinanceJsonContext.Default.ManagedSubAccountTransferLog, r =>
                {
                    var table = Printer.NewTable("Time (UTC)", "Tran id", "From", "To", "Asset", "Amount", "Status");
                    foreach (var row in r.ManagerSubTransferHistoryVos)
                    {
                        Printer.AddRow(table, Time(row.CreateTime), row.TranId.ToString(CultureInfo.InvariantCulture), $"{row.FromEmail}/{row.FromAccountType}",
                            $"{row.ToEmail}/{row.ToAccountType}", row.Asset, Format(row.Amount), row.Status);
                    }
                    printer.Table(table);
                    printer.Line($"{r.Count} transfer(s) in the last {d} day(s).");
                }, ct);
        });
        return command;
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

    /// <summary>Opens the session (refusing testnet, which serves no /sapi), runs <paramref name="call"/>, prints the answer
    /// with <paramref name="render"/> or the failure, and returns the exit code.</summary>
    private static async Task<int> RunAsync<T>(CliEnvironment env, Printer printer, string? accountName,
        Func<BinanceClient, Task<Outcome<T>>> call, JsonTypeInfo<T> typeInfo, Action<T> render, CancellationToken ct)
    {
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Environment == Ferry.Engine.Accounts.AccountEnvironment.Testnet)
            throw CliException.Refused("Binance's testnet does not serve /sapi endpoints, so it has no managed sub-accounts; use the simulator or mainnet.");
        await using var session = await BinanceSession.OpenAsync(target, env, ct);
        printer.Line(session.Banner);
        return QueryOutcomeReport.Print(printer, target, await call(session.Client), typeInfo, render);
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
