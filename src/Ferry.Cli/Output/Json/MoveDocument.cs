using Ferry.Core.Money;
using Ferry.Engine.Moves;

namespace Ferry.Cli.Output.Json;

/// <summary>One move of a sweep or rebalance: its id, where from and to, what and how much.</summary>
internal record MoveDocument(string MoveId, string From, string To, string Asset, string Amount)
{
    public static MoveDocument Of(PlannedMove m) =>
        new(m.MoveId, m.Request.From.ToString(), m.Request.To.ToString(), m.Request.Asset, WireDecimal.Format(m.Request.Amount));
}
