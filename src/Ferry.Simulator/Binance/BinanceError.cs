namespace Ferry.Simulator.Binance;

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
