using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET /sapi/v1/sub-account/spotSummary: BTC values of spot wallets, one page.</summary>
public sealed record SubAccountSpotSummaryQuery : IWireParameters
{
    /// <summary>The most rows per page Binance returns.</summary>
    public const int MaxSize = 20;

    /// <summary>Only this sub-account.</summary>
    public string? Email { get; init; }

    /// <summary>Page from 1 (Binance default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..20 (Binance default 10).</summary>
    public int? Size { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.OptionalEmail(Email) ?? SubAccountInput.Page(Page, Size, MaxSize, sizeName: "size");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("email", Email);
        writer.AddIfPresent("page", Page);
        writer.AddIfPresent("size", Size);
    }
}
