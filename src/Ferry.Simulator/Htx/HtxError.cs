using Ferry.Simulator.Binance;

namespace Ferry.Simulator.Htx;

/// <summary>One HTX error: the envelope it is written in, code, text, HTTP status and where the mapping came from.</summary>
public sealed record HtxError(HtxStyle Style, string Code, string Message, int HttpStatus, Provenance Provenance, string Note)
{
    /// <summary>A copy with {0}, {1}, … filled in order.</summary>
    public HtxError Format(params string[] args)
    {
        var text = Message;
        for (var i = 0; i < args.Length; i++) text = text.Replace("{" + i + "}", args[i], StringComparison.Ordinal);
        return this with { Message = text };
    }
}
