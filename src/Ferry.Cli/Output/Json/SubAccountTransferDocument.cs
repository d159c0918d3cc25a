using Ferry.Core.Money;
using Ferry.Engine.History;

namespace Ferry.Cli.Output.Json;

/// <summary>One row of <c>ferry history --sub</c>: as a wallet row, with the history it came from.</summary>
internal sealed record SubAccountTransferDocument(
    long Id, long Time, string Type, string Source, string Asset, string Amount, string Status, string? From, string? To)
{
    public static SubAccountTransferDocument Of(TransferHistoryEntry r) =>
        new(r.TransferId, r.Time.ToUnixTimeMilliseconds(), r.Type, r.Source, r.Asset, WireDecimal.Format(r.Amount), r.Status, r.From, r.To);
}
