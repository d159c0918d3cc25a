using System.Globalization;
using Ferry.Binance.Http;
using Ferry.Binance.SubAccount;

namespace Ferry.Binance.ManagedSubAccount;

/// <summary>Which futures account fetch-future-asset reads (<c>accountType</c>).</summary>
public enum ManagedFuturesAccountType
{
    /// <summary>USDT_FUTURE: USDⓈ-M (Binance's default).</summary>
    UsdtFuture,
    /// <summary>COIN_FUTURE: COIN-M.</summary>
    CoinFuture,
}

/// <summary>Which margin account marginAsset reads (<c>accountType</c>).</summary>
public enum ManagedMarginAccountType
{
    /// <summary>MARGIN: cross margin (Binance's default).</summary>
    Margin,
    /// <summary>ISOLATED_MARGIN.</summary>
    IsolatedMargin,
}

/// <summary>Which daily snapshot accountSnapshot returns (<c>type</c>).</summary>
public enum ManagedSnapshotType
{
    /// <summary>SPOT.</summary>
    Spot,
    /// <summary>MARGIN (cross).</summary>
    Margin,
    /// <summary>FUTURES (USDⓈ-M).</summary>
    Futures,
}

/// <summary>The direction filter of the transfer logs (<c>transfers</c>), seen from the managed sub-account.</summary>
public enum ManagedTransferDirection
{
    /// <summary>FROM: out of the managed sub-account (withdrawals).</summary>
    From,
    /// <summary>TO: into the managed sub-account (deposits).</summary>
    To,
}

/// <summary>The account-type filter of the transfer logs (<c>transferFunctionAccountType</c>).</summary>
public enum ManagedAccountType
{
    /// <summary>SPOT.</summary>
    Spot,
    /// <summary>MARGIN (cross).</summary>
    Margin,
    /// <summary>ISOLATED_MARGIN.</summary>
    IsolatedMargin,
    /// <summary>USDT_FUTURE.</summary>
    UsdtFuture,
    /// <summary>COIN_FUTURE.</summary>
    CoinFuture,
}

/// <summary>Wire names of the managed sub-account enums.</summary>
public static class ManagedWireNames
{
    /// <summary>USDT_FUTURE or COIN_FUTURE.</summary>
    public static string WireName(this ManagedFuturesAccountType type) => type == ManagedFuturesAccountType.CoinFuture ? "COIN_FUTURE" : "USDT_FUTURE";

    /// <summary>MARGIN or ISOLATED_MARGIN.</summary>
    public static string WireName(this ManagedMarginAccountType type) => type == ManagedMarginAccountType.IsolatedMargin ? "ISOLATED_MARGIN" : "MARGIN";

    /// <summary>SPOT, MARGIN or FUTURES.</summary>
    public static string WireName(this ManagedSnapshotType type) => type switch
    {
        ManagedSnapshotType.Margin => "MARGIN",
        ManagedSnapshotType.Futures => "FUTURES",
        _ => "SPOT",
    };

    /// <summary>FROM or TO.</summary>
    public static string WireName(this ManagedTransferDirection direction) => direction == ManagedTransferDirection.To ? "TO" : "FROM";

    /// <summary>SPOT, MARGIN, ISOLATED_MARGIN, USDT_FUTURE or COIN_FUTURE.</summary>
    public static string WireName(this ManagedAccountType type) => type switch
    {
        ManagedAccountType.Margin => "MARGIN",
        ManagedAccountType.IsolatedMargin => "ISOLATED_MARGIN",
        ManagedAccountType.UsdtFuture => "USDT_FUTURE",
        ManagedAccountType.CoinFuture => "COIN_FUTURE",
        _ => "SPOT",
    };

    internal static string? Defined<TEnum>(TEnum? value, string name) where TEnum : struct, Enum =>
        value is not { } v || Enum.IsDefined(v) ? null : $"{name} {Convert.ToInt32(v, CultureInfo.InvariantCulture)} is not one of its documented values.";
}

/// <summary>POST /sapi/v1/managed-subaccount/deposit: the investor's spot <paramref name="Asset"/> into a managed sub-account.</summary>
/// <param name="ToEmail">The managed sub-account.</param>
/// <param name="Asset">Upper-case asset, e.g. USDT.</param>
/// <param name="Amount">More than zero, at most 8 decimal places.</param>
public sealed record ManagedSubAccountDepositRequest(string ToEmail, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(ToEmail, "toEmail") ?? InputRules.Asset(Asset) ?? InputRules.Amount(Amount, 8);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("toEmail", ToEmail);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
    }
}

/// <summary>POST /sapi/v1/managed-subaccount/withdraw: from a managed sub-account back to the investor's spot, now or on
/// <see cref="TransferDate"/> (the withdrawal happens on that date, UTC).</summary>
/// <param name="FromEmail">The managed sub-account.</param>
/// <param name="Asset">Upper-case asset.</param>
/// <param name="Amount">More than zero, at most 8 decimal places.</param>
public sealed record ManagedSubAccountWithdrawRequest(string FromEmail, string Asset, decimal Amount) : IWireParameters
{
    /// <summary>When to withdraw (sent as epoch ms); null withdraws now.</summary>
    public DateTimeOffset? TransferDate { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(FromEmail, "fromEmail") ?? InputRules.Asset(Asset) ?? InputRules.Amount(Amount, 8)
        ?? (TransferDate?.ToUnixTimeMilliseconds() < 0 ? "transferDate must not be before 1970." : null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("fromEmail", FromEmail);
        writer.Add("asset", Asset);
        writer.Add("amount", Amount);
        writer.AddIfPresent("transferDate", TransferDate);
    }
}

/// <summary>GET deposit/address: a managed sub-account's deposit address for a coin.</summary>
/// <param name="Email">The managed sub-account.</param>
/// <param name="Coin">The coin, e.g. USDT.</param>
public sealed record ManagedSubAccountDepositAddressQuery(string Email, string Coin) : IWireParameters
{
    /// <summary>The network (Binance's default for the coin when null).</summary>
    public string? Network { get; init; }

    /// <summary>The amount to deposit (only some networks use it).</summary>
    public decimal? Amount { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(Email) ?? SubAccountInput.Coin(Coin)
        ?? (Network is null ? null : SubAccountInput.Coin(Network, "network"))
        ?? (Amount is { } a ? InputRules.Amount(a, 8) : null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("coin", Coin);
        writer.AddIfPresent("network", Network);
        if (Amount is { } amount) writer.Add("amount", amount);
    }
}

/// <summary>GET asset: one managed sub-account.</summary>
/// <param name="Email">The managed sub-account.</param>
public sealed record ManagedSubAccountEmailQuery(string Email) : IWireParameters
{
    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email);

    void IWireParameters.WriteTo(ParameterWriter writer) => writer.Add("email", Email);
}

/// <summary>GET fetch-future-asset: one managed sub-account's futures account.</summary>
/// <param name="Email">The managed sub-account.</param>
public sealed record ManagedSubAccountFuturesQuery(string Email) : IWireParameters
{
    /// <summary>USDT_FUTURE or COIN_FUTURE; null sends none (Binance's default, USDⓈ-M).</summary>
    public ManagedFuturesAccountType? AccountType { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? ManagedWireNames.Defined(AccountType, "accountType");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.AddIfPresent("accountType", AccountType?.WireName());
    }
}

/// <summary>GET marginAsset: one managed sub-account's margin account.</summary>
/// <param name="Email">The managed sub-account.</param>
public sealed record ManagedSubAccountMarginQuery(string Email) : IWireParameters
{
    /// <summary>MARGIN or ISOLATED_MARGIN; null sends none (Binance's default, cross margin).</summary>
    public ManagedMarginAccountType? AccountType { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() => SubAccountInput.Email(Email) ?? ManagedWireNames.Defined(AccountType, "accountType");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.AddIfPresent("accountType", AccountType?.WireName());
    }
}

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

/// <summary>GET accountSnapshot: daily snapshots of one wallet of a managed sub-account (the last month only).</summary>
/// <param name="Email">The managed sub-account.</param>
/// <param name="Type">SPOT, MARGIN or FUTURES.</param>
public sealed record ManagedSubAccountSnapshotQuery(string Email, ManagedSnapshotType Type) : IWireParameters
{
    /// <summary>The fewest and most snapshots per request (documented 7..30; default 7).</summary>
    public const int MinLimit = 7, MaxLimit = 30;

    /// <summary>The longest window (documented: less than 30 days).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    /// <summary>Earliest snapshot time; no earlier than a month ago (checked by Binance against its clock).</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Latest snapshot time.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>How many snapshots, 7..30 (Binance default 7).</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.Email(Email) ?? ManagedWireNames.Defined((ManagedSnapshotType?)Type, "type")
        ?? InputRules.Interval(StartTime, EndTime, MaxWindow)
        ?? (Limit is { } l && (l < MinLimit || l > MaxLimit) ? $"limit must be between {MinLimit} and {MaxLimit}, not {l}." : null);

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.Add("email", Email);
        writer.Add("type", Type.WireName());
        writer.AddIfPresent("startTime", StartTime);
        writer.AddIfPresent("endTime", EndTime);
        writer.AddIfPresent("limit", Limit);
    }
}

/// <summary>The three transfer logs: startTime, endTime (at most half a year apart), page and limit are required by the
/// docs; <see cref="Email"/> names the managed sub-account for the investor and trading-team master logs and must be null
/// for the trading-team sub-account's own log.</summary>
/// <param name="StartTime">Earliest createTime.</param>
/// <param name="EndTime">Latest createTime.</param>
public sealed record ManagedSubAccountTransferLogQuery(DateTimeOffset StartTime, DateTimeOffset EndTime) : IWireParameters
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>"half a year" between startTime and endTime, taken as 183 days.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(183);

    /// <summary>The managed sub-account (investor and trading-team master logs only).</summary>
    public string? Email { get; init; }

    /// <summary>Page from 1 (sent as 1 when null: the parameter is required).</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page, 1..500 (sent as 500 when null: the parameter is required).</summary>
    public int? Limit { get; init; }

    /// <summary>Only transfers out of (FROM) or into (TO) the managed sub-account.</summary>
    public ManagedTransferDirection? Transfers { get; init; }

    /// <summary>Only transfers whose account type on the managed sub-account's side is this.</summary>
    public ManagedAccountType? TransferFunctionAccountType { get; init; }

    /// <summary>Overrides the client's recvWindow for this request (1..60000 ms).</summary>
    public int? RecvWindow { get; init; }

    /// <summary>One sentence naming the first problem, or null when the request may be sent.</summary>
    public string? Validate() =>
        SubAccountInput.OptionalEmail(Email)
        ?? InputRules.Interval(StartTime, EndTime, MaxWindow)
        ?? SubAccountInput.Page(Page, Limit, MaxLimit)
        ?? ManagedWireNames.Defined(Transfers, "transfers")
        ?? ManagedWireNames.Defined(TransferFunctionAccountType, "transferFunctionAccountType");

    void IWireParameters.WriteTo(ParameterWriter writer)
    {
        writer.AddIfPresent("email", Email);
        writer.Add("startTime", StartTime.ToUnixTimeMilliseconds());
        writer.Add("endTime", EndTime.ToUnixTimeMilliseconds());
        writer.Add("page", Page ?? 1);
        writer.Add("limit", Limit ?? MaxLimit);
        writer.AddIfPresent("transfers", Transfers?.WireName());
        writer.AddIfPresent("transferFunctionAccountType", TransferFunctionAccountType?.WireName());
    }
}
