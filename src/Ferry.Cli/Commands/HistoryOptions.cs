namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry history</c> was asked for, as typed (checked by the run, before a session opens).</summary>
internal sealed record HistoryOptions
{
    public string? Type { get; init; }
    public int Days { get; init; }
    public bool Margin { get; init; }
    public string? Isolated { get; init; }
    public string? Asset { get; init; }
    public string? FromSymbol { get; init; }
    public string? ToSymbol { get; init; }
    public bool Sub { get; init; }
    public bool Json { get; init; }
    public string? Account { get; init; }
    public string? Venue { get; init; }

    /// <summary>True when an option of Binance's wallet or margin history is given (not for --sub, not for HTX).</summary>
    public bool BinanceOnly => Type is not null || Margin || (Isolated ?? FromSymbol ?? ToSymbol) is not null;
}
