using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET /sapi/v1 and /sapi/v2 sub-account/futures/accountSummary: one page of sub-accounts' futures totals.</summary>
public sealed record SubAccountFuturesSummaryQuery : IWireParameters
{
    /// <summary>The most rows per page Binance returns.</summary>
    public const int MaxLimit = 20;

    /// <summary>USDⓈ-M or COIN-M; sent by the v2 call only (v1 is USDⓈ-M).</summary>
    public FuturesType FuturesType { get; init; } = FuturesType.UsdtMargined;

    /// <summary>Page from 1 (Binance default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..20 (Binance default 10).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    internal bool SendFuturesType { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.FuturesType(FuturesType) ?? SubAccountInput.Page(Page, Limit, MaxLimit);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        if (SendFuturesType) writer.Add("futuresType", (int)FuturesType);
        writer.AddIfPresent("page", Page);
        writer.AddIfPresent("limit", Limit);
    }
}
