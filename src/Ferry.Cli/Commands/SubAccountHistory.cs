using System.Globalization;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Engine.History;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry history --sub</c>: transfers between the master and its sub-accounts. With the master's key: the sub-account
/// universal transfers, futures internal transfers and spot transfers of the master and every known sub-account; with
/// a sub-account's key: its own transfers in and out. Newest first, each transfer once.
/// </summary>
internal static class SubAccountHistory
{
    public static async Task<int> RunAsync(CliEnvironment env, Printer printer, HistoryOptions options, CancellationToken ct)
    {
        var (days, asset, accountName) = (options.Days, options.Asset, options.Account);
        if (options.BinanceOnly)
            throw CliException.BadInput("--sub lists sub-account transfers and takes only --days, --asset, --account and --json.");
        if (days < 1 || days > SubAccountHistoryReader.MaxDays)
            throw CliException.BadInput($"--days {days} is out of range; the sub-account histories cover 1 to {SubAccountHistoryReader.MaxDays} days.");
        var assetName = asset is null ? null : TransferInput.ValidateAsset(asset);
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Environment == Ferry.Engine.Accounts.AccountEnvironment.Testnet)
            throw CliException.Refused("Binance's testnet does not serve /sapi endpoints, so it has no transfer history; use the simulator instead.");
        var (home, keys) = RoutingAccounts.For(env, target);
        if (home.Email is null)
            throw CliException.Refused($"Account '{home.Name}' has no email configured; sub-account histories are asked for by email, so add 'email' to it in accounts.json.");
        var subAccounts = (home.SubAccounts ?? [])
            .Concat(keys.Where(k => k.IsSubAccountKey && string.Equals(k.MasterEmail, home.Email, StringComparison.OrdinalIgnoreCase)).Select(k => k.Email!))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        await using var service = CliServices.Open(env, printer.Json, printer.Line);
        var account = service.Account(Ferry.Engine.Addresses.Venue.Binance, target.AccountName);
        await service.ConnectAsync([account], ct);
        var end = env.Time.GetUtcNow();
        var start = end.AddDays(-days);
        var outcome = await service.HistoryAsync(account, new SubAccountHistoryQuery(home.Email, home.IsSubAccountKey, subAccounts, start, end), ct);
        if (outcome is not Done<IReadOnlyList<TransferHistoryEntry>> done)
        {
            printer.Document(OutcomeFailureDocument.For(TargetDocument.For(target.AccountName, target.Environment), outcome), CliJsonContext.Default.OutcomeFailureDocument);
            printer.Line($"Could not read the sub-account history: {OutcomeText.Once(outcome.Describe())}");
            return OutcomeExitCode.Of(outcome);
        }

        var rows = done.Value.Where(r => assetName is null || r.Asset == assetName)
            .OrderByDescending(r => r.Time).ThenByDescending(r => r.TransferId).ToList();
        var source = home.IsSubAccountKey
            ? "GET /sapi/v1/sub-account/transfer/subUserHistory"
            : "GET /sapi/v1/sub-account/universalTransfer, /sapi/v1/sub-account/futures/internalTransfer, /sapi/v1/sub-account/sub/transfer/history";
        printer.Document(new SubAccountHistoryDocument(TargetDocument.For(target.AccountName, target.Environment), source, start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(),
            [.. rows.Select(SubAccountTransferDocument.Of)]), CliJsonContext.Default.SubAccountHistoryDocument);
        var table = Printer.NewTable("Time (UTC)", "Id", "Type", "From", "To", "Asset", "Amount", "Status");
        foreach (var r in rows)
        {
            Printer.AddRow(table, r.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.TransferId.ToString(CultureInfo.InvariantCulture), r.Type, r.From, r.To, r.Asset, WireDecimal.Format(r.Amount), r.Status);
        }
        printer.Table(table);
        printer.Line(rows.Count == 0 ? $"No sub-account transfers in the last {days} days." : $"{rows.Count} sub-account transfer(s) in the last {days} days.");
        return ExitCodes.Ok;
    }
}
