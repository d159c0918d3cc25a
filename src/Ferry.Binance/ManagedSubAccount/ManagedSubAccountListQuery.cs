using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>GET info: one page of the investor's managed sub-accounts.</summary>
public sealed record ManagedSubAccountListQuery : IWireParameters
{
    /// <summary>The largest page (and Binance's default).</summary>
    public const int MaxLimit = 20;

    /// <summary>Only this managed sub-account.</summary>
    public string? Email { get; init; }

    /// <summary>Page from 1 (Binance default 1).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..20 (Binance default 20).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.OptionalEmail(Email) ?? SubAccountInput.Page(Page, Limit, MaxLimit);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("email", Email);
        writer.AddIfPresent("page", Page);
        writer.AddIfPresent("limit", Limit);
    }
}
