using Ferry.Engine.Journal;
using Ferry.Htx;
using Ferry.Engine.History;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Execution;

/// <summary>
/// Reconciles HTX spot ⇄ swap legs against the spot account ledger (currency, amount, direction, time). HTX does not
/// document that the ledger's transactId equals the transfer id its answer returns, so a done HTX entry claims a row
/// only once reconciliation matched it; done entries without a row count against candidates of the same shape.
/// </summary>
public sealed class HtxLegReconciler(HtxClient client, TimeSpan requestValidity) : ILegReconciler
{
    /// <summary>The journal's kind name of an HTX spot ⇄ swap leg.</summary>
    public const string Kind = HtxTransferPlan.JournalKind;

    /// <summary>How long HTX accepts a signed request after its Timestamp: the docs say 5 minutes in the authentication
    /// section and 1 minute in the FAQ (a conflict), so a real account assumes the longer.</summary>
    public static readonly TimeSpan ExchangeTimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How long the simulator accepts one (its default, the stricter reading of the docs).</summary>
    public static readonly TimeSpan SimulatorTimestampTolerance = TimeSpan.FromMinutes(1);

    /// <inheritdoc/>
    public TimeSpan RequestValidity { get; } = requestValidity;

    /// <inheritdoc/>
    public async Task<Outcome<LegEvidence>> FindAsync(JournalEntry entry, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var direction = entry.Leg.From.StartsWith("htx:spot", StringComparison.Ordinal) ? "spot-to-linear-swap" : "linear-swap-to-spot";
        var read = await HtxHistoryReader.SpotSwapTransfersAsync(client, entry.Leg.Asset.ToLowerInvariant(), from, to, ct).ConfigureAwait(false);
        return read.Map<LegEvidence>(rows => new HistoryCandidates(rows
            .Where(r => r.Type == direction && string.Equals(r.Asset, entry.Leg.Asset, StringComparison.OrdinalIgnoreCase)
                && r.Amount == entry.Leg.Amount && r.Time >= from && r.Time <= to).ToList()));
    }

}
