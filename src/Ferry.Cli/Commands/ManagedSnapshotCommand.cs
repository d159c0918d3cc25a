using System.CommandLine;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;
using static Ferry.Core.Money.WireDecimal;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed snapshot</c>: a managed sub-account's daily snapshots (end of each UTC day).</summary>
internal static class ManagedSnapshotCommand
{
    private static readonly string[] SnapshotTypes = ["spot", "margin", "futures"];

    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var type = new Option<string>("--type") { Description = "spot (default), margin or futures.", DefaultValueFactory = _ => "spot" };
        var limit = new Option<int?>("--limit") { Description = "How many daily snapshots, 7..30 (default 7). Binance keeps only the last month." };
        var command = common.Add(new Command("snapshot", "A managed sub-account's daily snapshots (end of each UTC day).") { email, type, limit });
        command.SetAction((parse, ct) => RunAsync(env, new ManagedSnapshotOptions(parse.GetValue(email), parse.GetValue(type), parse.GetValue(limit),
            parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedSnapshotOptions options, CancellationToken ct)
    {
        var kind = CommandInput.Choice(options.Type, SnapshotTypes, "--type") switch
        {
            "margin" => ManagedSnapshotType.Margin,
            "futures" => ManagedSnapshotType.Futures,
            _ => ManagedSnapshotType.Spot,
        };
        var l = options.Limit;
        if (l is { } n && (n < ManagedSubAccountSnapshotQuery.MinLimit || n > ManagedSubAccountSnapshotQuery.MaxLimit))
            throw CliException.BadInput($"--limit {n} is out of range; use {ManagedSubAccountSnapshotQuery.MinLimit} to {ManagedSubAccountSnapshotQuery.MaxLimit}.");
        var query = new ManagedSubAccountSnapshotQuery(CommandInput.Email(options.Email), kind) { Limit = l };
        CommandInput.Check(query.Validate());
        var printer = new Printer(env, options.Json);
        return SapiQuery.ManagedSubAccounts(env, printer, options.Account).RunAsync(c => c.ManagedSubAccount.GetSnapshotAsync(query, ct),
            BinanceJsonContext.Default.ManagedSubAccountSnapshotPage, r =>
            {
                var table = Printer.NewTable("Day end (UTC)", "Asset", "Amount");
                foreach (var s in r.SnapshotVos)
                {
                    var day = CellText.Time(s.UpdateTime);
                    foreach (var b in s.Data.Balances) Printer.AddRow(table, day, b.Asset, Format(b.Free + b.Locked));
                    foreach (var a in s.Data.UserAssets) Printer.AddRow(table, day, a.Asset, Format(a.NetAsset));
                    foreach (var a in s.Data.Assets) Printer.AddRow(table, day, a.Asset, Format(a.WalletBalance));
                }
                printer.Table(table);
                printer.Line($"{r.SnapshotVos.Count} {query.Type.WireName().ToLowerInvariant()} snapshot(s).");
            }, ct);
    }
}
