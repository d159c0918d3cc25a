using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>GET /sapi/v1/sub-account/list: one page of the master's sub-accounts.</summary>
public sealed record SubAccountListQuery : IWireParameters
{
    /// <summary>The most rows Binance returns per page.</summary>
    public const int MaxLimit = 200;

    /// <summary>Only this sub-account.</summary>
    public string? Email { get; init; }

    /// <summary>Only frozen (true) or only active (false) sub-accounts.</summary>
    public bool? IsFreeze { get; init; }

    /// <summary>Page from 1 (Binance default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..200 (Binance default <b>1</b>).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent (the CLI checks it before opening a session).</summary>
    public string? Validate() => SubAccountInput.OptionalEmail(Email) ?? SubAccountInput.Page(Page, Limit, MaxLimit);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("email", Email);
        if (IsFreeze is { } freeze) writer.Add("isFreeze", freeze ? "true" : "false");
        writer.AddIfPresent("page", Page);
        writer.AddIfPresent("limit", Limit);
    }
}
