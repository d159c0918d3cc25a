using Ferry.Binance.Http;

namespace Ferry.Binance.SubAccount;

/// <summary>POST /sapi/v1/sub-account/virtualSubAccount: Binance builds a virtual e-mail from <paramref name="SubAccountString"/>.</summary>
/// <param name="SubAccountString">1 to 32 ASCII letters or digits (the docs give no rule; this is the client's assumption).</param>
public sealed record CreateVirtualSubAccountRequest(string SubAccountString) : IWireParameters
{
    /// <summary>The longest subAccountString the client sends (assumed).</summary>
    public const int MaxLength = 32;

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent (the CLI checks it before opening a session).</summary>
    public string? Validate() =>
        string.IsNullOrEmpty(SubAccountString) ? "subAccountString is required (letters and digits Binance turns into a virtual e-mail)."
        : SubAccountString.Length <= MaxLength && SubAccountString.All(char.IsAsciiLetterOrDigit) ? null
        : $"subAccountString '{SubAccountInput.Printable(SubAccountString)}' must be 1 to {MaxLength} ASCII letters or digits.";

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.Add("subAccountString", SubAccountString);
}

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

/// <summary>A request whose only parameter is an optional sub-account e-mail (status, transaction statistics).</summary>
public sealed record SubAccountEmailFilter : IWireParameters
{
    /// <summary>Only this sub-account (all when null).</summary>
    public string? Email { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent (the CLI checks it before opening a session).</summary>
    public string? Validate() => SubAccountInput.OptionalEmail(Email);

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.AddIfPresent("email", Email);
}

/// <summary>A request naming one sub-account by e-mail (enable futures, enable options, asset queries).</summary>
/// <param name="Email">The sub-account's e-mail.</param>
public sealed record SubAccountEmailRequest(string Email) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent (the CLI checks it before opening a session).</summary>
    public string? Validate() => SubAccountInput.Email(Email);

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.Add("email", Email);
}
