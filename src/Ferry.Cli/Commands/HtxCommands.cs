using System.Globalization;
using Ferry.Engine.Accounts;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.History;
using Ferry.Engine.Addresses;
using Ferry.Engine.Balances;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>
/// The HTX side of <c>ferry balances</c> and <c>ferry history</c>: addresses <c>htx:spot</c>,
/// <c>htx:swap</c> (cross, USDT) and <c>htx:swap:BTC-USDT</c> (isolated). Input is checked before a session opens.
/// </summary>
internal static class HtxCommands
{
    /// <summary><c>ferry balances --venue htx</c>: spot (trade, frozen), cross and isolated swap accounts from HTX's four endpoints.</summary>
    public static async Task<int> BalancesAsync(CliEnvironment env, Printer printer, string? accountName, CancellationToken ct)
    {
        var target = HtxTarget.Resolve(env, accountName);
        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var read = await service.HtxBalancesAsync(service.Account(Venue.Htx, target.AccountName), ct);
        if (read.Outcome is not Done<IReadOnlyList<WalletBalance>> done) return Fail(printer, target, read.Outcome, read.What!);
        var rows = done.Value;

        printer.Document(new HtxBalancesDocument(Target(target), "htx", [.. rows.Select(HtxBalanceDocument.Of)]), CliJsonContext.Default.HtxBalancesDocument);
        var table = Printer.NewTable("Wallet", "Asset", "Amount", "Available", "Frozen");
        foreach (var r in rows) Printer.AddRow(table, r.Wallet, r.Asset, WireDecimal.Format(r.Amount), WireDecimal.Format(r.Available), WireDecimal.Format(r.Frozen));
        printer.Table(table);
        if (rows.Count == 0) printer.Line("No balances.");
        return ExitCodes.Ok;
    }

    /// <summary><c>ferry history --venue htx</c>: spot ⇄ swap transfers from GET /v2/account/ledger, newest first.</summary>
    public static async Task<int> HistoryAsync(CliEnvironment env, Printer printer, int days, string? asset, string? accountName, CancellationToken ct)
    {
        if (days < 1 || days > 180)
            throw CliException.BadInput($"--days {days} is out of range; HTX's ledger keeps 1 to 180 days.");
        var assetName = asset is null ? null : TransferInput.ValidateAsset(asset);
        var target = HtxTarget.Resolve(env, accountName);
        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var account = service.Account(Venue.Htx, target.AccountName);
        await service.ConnectAsync([account], ct);
        var end = env.Time.GetUtcNow();
        var start = end.AddDays(-days);
        var outcome = await service.HistoryAsync(account, new HtxLedgerQuery(assetName, start, end), ct);
        if (outcome is not Done<IReadOnlyList<TransferHistoryEntry>> done) return Fail(printer, target, outcome, "the ledger");

        printer.Document(new WalletHistoryDocument(Target(target), "GET /v2/account/ledger", start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(),
            [.. done.Value.Select(WalletTransferDocument.Of)]), CliJsonContext.Default.WalletHistoryDocument);
        var table = Printer.NewTable("Time (UTC)", "Id", "Type", "Asset", "Amount");
        foreach (var r in done.Value)
        {
            Printer.AddRow(table, r.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.TransferId.ToString(CultureInfo.InvariantCulture), $"{r.From}→{r.To}", r.Asset, WireDecimal.Format(r.Amount));
        }

        printer.Table(table);
        printer.Line(done.Value.Count == 0 ? $"No spot-swap transfers in the last {days} days." : $"{done.Value.Count} transfer(s) in the last {days} days.");
        printer.Line("The ledger does not say which margin account (cross or a contract) a transfer used.");
        return ExitCodes.Ok;
    }

    private static int Fail<T>(Printer printer, HtxTarget target, Outcome<T> outcome, string what)
    {
        printer.Document(OutcomeFailureDocument.For(Target(target), outcome), CliJsonContext.Default.OutcomeFailureDocument);
        printer.Line($"Could not read {what}: {OutcomeText.Once(outcome.Describe())}");
        return OutcomeExitCode.Of(outcome);
    }

    private static TargetDocument Target(HtxTarget target) => TargetDocument.For(target.AccountName, target.Environment);
}
