using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>A leg of a route run: its journal entry, then its position and weights (null when the endpoint is not Binance's).</summary>
internal sealed record RouteReportLegDocument : JournalEntryDocument
{
    public RouteReportLegDocument(JournalEntryDocument entry, int position, int? ipWeight, int? uidWeight) : base(entry)
    {
        Position = position;
        IpWeight = ipWeight;
        UidWeight = uidWeight;
    }

    [JsonPropertyOrder(1)] public int Position { get; }

    [JsonPropertyOrder(1)] public int? IpWeight { get; }

    [JsonPropertyOrder(1)] public int? UidWeight { get; }
}
