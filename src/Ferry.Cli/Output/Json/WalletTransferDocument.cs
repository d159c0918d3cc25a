using Ferry.Core.Money;
using Ferry.Engine.History;

namespace Ferry.Cli.Output.Json;

/// <summary>One row of <c>ferry history</c>; the amount is a decimal string.</summary>
internal sealed record WalletTransferDocument(long Id, long Time, string Type, string Asset, string Amount, string Status, string? From, string? To)
{
    public static WalletTransferDocument Of(TransferHistoryEntry r) =>
        new(r.TransferId, r.Time.ToUnixTimeMilliseconds(), r.Type, r.Asset, WireDecimal.Format(r.Amount), r.Status, r.From, r.To);
}
