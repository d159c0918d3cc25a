using System.Globalization;
using Ferry.Binance.Http;

namespace Ferry.Binance.Balances;

/// <summary>A GET /sapi/v1/margin/isolated/account: some isolated pairs (at most five), or all of them.</summary>
public sealed record IsolatedMarginAccountQuery : IWireParameters
{
    /// <summary>The most symbols one request may name ("Max 5 symbols can be sent").</summary>
    public const int MaxSymbols = 5;

    /// <summary>Only these pairs, e.g. BTCUSDT; null or empty: every isolated pair. Sent comma-separated.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the query may be sent.</summary>
    public string? Validate()
    {
        if (Symbols is null)
        {
            return null;
        }

        if (Symbols.Count > MaxSymbols)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"symbols names {Symbols.Count} pairs; Binance takes at most {MaxSymbols} in one request.");
        }

        return Symbols.Select(symbol => InputRules.Symbol(symbol ?? "", "symbols")).FirstOrDefault(problem => problem is not null);
    }

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        if (Symbols is { Count: > 0 } symbols)
        {
            writer.Add("symbols", string.Join(',', symbols));
        }
    }
}
