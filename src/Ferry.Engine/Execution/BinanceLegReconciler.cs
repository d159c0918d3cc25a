using Ferry.Engine.Journal;
using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Wallet;
using Ferry.Engine.History;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Execution;

/// <summary>
/// Reconciles Binance legs with the key of the leg's own account, one finder per leg kind. A new leg kind adds one row to
/// <see cref="Finders"/>; a kind without a row stays unknown with that reason.
/// </summary>
public sealed class BinanceLegReconciler(BinanceClient client) : ILegReconciler
{
    /// <summary>Reads the exchange's record of one entry between two times.</summary>
    public delegate Task<Outcome<LegEvidence>> Finder(BinanceClient client, JournalEntry entry, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>The finder of each leg kind (by <see cref="TransferEndpointKind"/> name).</summary>
    public static readonly IReadOnlyDictionary<string, Finder> Finders = new Dictionary<string, Finder>(StringComparer.Ordinal)
    {
        [nameof(TransferEndpointKind.WalletUniversalTransfer)] = WalletUniversalAsync,
        [nameof(TransferEndpointKind.SubAccountUniversalTransfer)] = SubAccountUniversalAsync,
        [nameof(TransferEndpointKind.SubAccountFuturesInternalTransfer)] = FuturesInternalAsync,
        [nameof(TransferEndpointKind.SubAccountToMaster)] = SubUserOutAsync,
        [nameof(TransferEndpointKind.SubAccountToSubAccount)] = SubUserOutAsync,
        [nameof(TransferEndpointKind.SubAccountMarginTransfer)] = NoHistoryAsync,
        [nameof(TransferEndpointKind.SubAccountFuturesTransfer)] = NoHistoryAsync,
        [nameof(TransferEndpointKind.ManagedSubAccountDeposit)] = ManagedDepositAsync,
        [nameof(TransferEndpointKind.ManagedSubAccountWithdraw)] = ManagedWithdrawAsync,
    };

    /// <summary>The client's recvWindow, plus the second Binance accepts a timestamp ahead of its clock ("timestamp &lt;
    /// serverTime + 1000"). Every process that sends for one account must use the same recvWindow.</summary>
    public TimeSpan RequestValidity { get; } = TimeSpan.FromMilliseconds(client.Options.RecvWindow) + TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public Task<Outcome<LegEvidence>> FindAsync(JournalEntry entry, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Finders.TryGetValue(entry.Leg.Kind, out var finder)
            ? finder(client, entry, from, to, ct)
            : Task.FromResult<Outcome<LegEvidence>>(new Done<LegEvidence>(new CannotTell($"Ferry has no history reader for leg kind {entry.Leg.Kind}")));

    private static string? P(JournalEntry e, string name) => e.Leg.Parameters.FirstOrDefault(p => p.Key == name).Value;

    private static async Task<Outcome<LegEvidence>> WalletUniversalAsync(BinanceClient client, JournalEntry e, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (!UniversalTransferTypes.TryParse(P(e, "type"), out var type))
            return new Done<LegEvidence>(new CannotTell($"the journal names no readable transfer type ('{P(e, "type")}')"));
        var read = await WalletHistoryReader.UniversalTransfersAsync(client, [new UniversalHistorySelection(type, P(e, "fromSymbol"), P(e, "toSymbol"))], from, to, ct)
            .ConfigureAwait(false);
        return read.Map<LegEvidence>(rows => new HistoryCandidates(rows
            .Where(r => r.Type == type.WireName() && Same(r.Asset, e.Leg.Asset) && r.Amount == e.Leg.Amount && r.Time >= from && r.Time <= to).ToList()));
    }

    private static async Task<Outcome<LegEvidence>> SubAccountUniversalAsync(BinanceClient client, JournalEntry e, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (e.Leg.ClientTranId is null) return new Done<LegEvidence>(new CannotTell("the entry has no clientTranId"));
        var read = await client.SubAccount.FindUniversalTransferAsync(e.Leg.ClientTranId, P(e, "fromEmail"), from, to, ct).ConfigureAwait(false);
        return read.Map<LegEvidence>(row => new FoundByClientId(row?.TranId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<Outcome<LegEvidence>> FuturesInternalAsync(BinanceClient client, JournalEntry e, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (fromEmail, toEmail) = (P(e, "fromEmail"), P(e, "toEmail"));
        if (fromEmail is null || toEmail is null || !int.TryParse(P(e, "futuresType"), out var futuresType))
            return new Done<LegEvidence>(new CannotTell("the journal does not name both accounts and the futures type"));
        var query = new SubAccountFuturesInternalTransferHistoryQuery(fromEmail, (SubAccountFuturesType)futuresType) { StartTime = from, EndTime = to, Limit = 500 };
        var read = await client.SubAccount.GetFuturesInternalTransferHistoryAsync(query, ct).ConfigureAwait(false);
        return read.Map<LegEvidence>(page => new HistoryCandidates(page.Transfers
            .Where(r => Same(r.From, fromEmail) && Same(r.To, toEmail) && Same(r.Asset, e.Leg.Asset) && r.Qty == e.Leg.Amount && r.Time >= from && r.Time <= to)
            .Select(r => new TransferHistoryEntry("futures internal", r.TranId, r.Time, "FUTURES_INTERNAL", r.Asset, r.Qty, "SUCCESS", r.From, r.To)).ToList()));
    }

    private static async Task<Outcome<LegEvidence>> SubUserOutAsync(BinanceClient client, JournalEntry e, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var counterparty = WalletAddress.Parse(e.Leg.To).Email;
        var query = new SubAccountUserHistoryQuery { Type = SubAccountTransferDirection.Out, Asset = e.Leg.Asset, StartTime = from, EndTime = to, Limit = 500 };
        var read = await client.SubAccount.GetUserTransferHistoryAsync(query, ct).ConfigureAwait(false);
        return read.Map<LegEvidence>(rows => new HistoryCandidates(rows
            .Where(r => Same(r.Asset, e.Leg.Asset) && r.Qty == e.Leg.Amount && (counterparty is null || Same(r.Email, counterparty)) && r.Time >= from && r.Time <= to)
            .Select(r => new TransferHistoryEntry("sub-account user", r.TranId, r.Time, "OUT", r.Asset, r.Qty, r.Status)).ToList()));
    }

    private static Task<Outcome<LegEvidence>> NoHistoryAsync(BinanceClient client, JournalEntry e, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<Outcome<LegEvidence>>(new Done<LegEvidence>(new CannotTell(
            $"no history endpoint readable with the master's key lists {e.Leg.Endpoint} transfers; check the sub-account's own universal-transfer history (its key) and settle it by hand")));

    private static Task<Outcome<LegEvidence>> ManagedDepositAsync(BinanceClient client, JournalEntry e, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        ManagedLogAsync(client, e, P(e, "toEmail"), ManagedTransferDirection.To, from, to, ct);

    private static Task<Outcome<LegEvidence>> ManagedWithdrawAsync(BinanceClient client, JournalEntry e, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        // A scheduled withdrawal is listed only once it has run on its date, so "not listed" proves nothing before then;
        // concluding "not executed" would invite a resend that schedules it twice.
        P(e, "transferDate") is { } date
            ? Task.FromResult<Outcome<LegEvidence>>(new Done<LegEvidence>(new CannotTell(
                $"a withdrawal scheduled for {DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime:yyyy-MM-dd} (UTC) is listed only after it runs; check 'ferry managed log' after that date and settle it by hand")))
            : ManagedLogAsync(client, e, P(e, "fromEmail"), ManagedTransferDirection.From, from, to, ct);

    /// <summary>The investor's transfer log of the managed sub-account, rows in the leg's direction with its asset and amount.</summary>
    private static async Task<Outcome<LegEvidence>> ManagedLogAsync(BinanceClient client, JournalEntry e, string? email,
        ManagedTransferDirection direction, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (email is null) return new Done<LegEvidence>(new CannotTell("the journal names no managed sub-account email"));
        var query = new ManagedSubAccountTransferLogQuery(from, to) { Email = email, Transfers = direction, Page = 1, Limit = 500 };
        var read = await client.ManagedSubAccount.GetInvestorTransferLogAsync(query, ct).ConfigureAwait(false);
        return read.Map<LegEvidence>(log => new HistoryCandidates(log.ManagerSubTransferHistoryVos
            .Where(r => Same(r.Asset, e.Leg.Asset) && r.Amount == e.Leg.Amount && r.CreateTime >= from && r.CreateTime <= to
                && Same(direction == ManagedTransferDirection.To ? r.ToEmail : r.FromEmail, email))
            .Select(r => new TransferHistoryEntry("managed sub-account", r.TranId, r.CreateTime,
                direction == ManagedTransferDirection.To ? "DEPOSIT" : "WITHDRAW", r.Asset, r.Amount, r.Status, r.FromEmail, r.ToEmail)).ToList()));
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
