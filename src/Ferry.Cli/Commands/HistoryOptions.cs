namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry history</c> was asked for, as typed (checked by the run, before a session opens).</summary>
internal sealed record HistoryOptions(
    string? Type, int Days, bool Margin, string? Isolated, string? Asset, string? FromSymbol, string? ToSymbol,
    bool Sub, bool Json, string? Account, string? Venue)
{
    /// <summary>True when an option of Binance's wallet or margin history is given (not for --sub, not for HTX).</summary>
    public bool BinanceOnly => Type is not null || Margin || (Isolated ?? FromSymbol ?? ToSymbol) is not null;
}
