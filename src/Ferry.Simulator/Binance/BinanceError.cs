namespace Ferry.Simulator.Binance;

/// <summary>Where a simulated behaviour came from, so a reader knows how far to trust it.</summary>
public enum Provenance
{
    /// <summary>Binance's documentation says so.</summary>
    Documented,
    /// <summary>A real response quoted in a public issue.</summary>
    Observed,
    /// <summary>The simulator chose it; no source confirms it.</summary>
    Assumed,
}

/// <summary>One Binance error: code, message text (already formatted), HTTP status and where the mapping came from.</summary>
public sealed record BinanceError(int Code, string Message, int HttpStatus, Provenance Provenance, string Note)
{
    /// <summary>A copy with the %s placeholders of the message filled in order.</summary>
    public BinanceError Format(params string[] args)
    {
        var text = Message;
        foreach (var arg in args)
        {
            var at = text.IndexOf("%s", StringComparison.Ordinal);
            if (at < 0) break;
            text = string.Concat(text.AsSpan(0, at), arg, text.AsSpan(at + 2));
        }
        return this with { Message = text };
    }
}
