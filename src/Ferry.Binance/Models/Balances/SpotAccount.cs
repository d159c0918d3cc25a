using System.Text.Json.Serialization;

namespace Ferry.Binance.Models.Balances;

/// <summary>GET /api/v3/account: the spot account (reference §5b.4; SPOT-DOCS). Fields added since 2022 are optional.</summary>
public sealed record SpotAccount
{
    /// <summary>Maker commission in basis points (legacy).</summary>
    [JsonPropertyName("makerCommission")]
    public int MakerCommission { get; init; }

    /// <summary>Taker commission in basis points (legacy).</summary>
    [JsonPropertyName("takerCommission")]
    public int TakerCommission { get; init; }

    /// <summary>Buyer commission in basis points (legacy).</summary>
    [JsonPropertyName("buyerCommission")]
    public int BuyerCommission { get; init; }

    /// <summary>Seller commission in basis points (legacy).</summary>
    [JsonPropertyName("sellerCommission")]
    public int SellerCommission { get; init; }

    /// <summary>Commission rates as fractions.</summary>
    [JsonPropertyName("commissionRates")]
    public SpotCommissionRates? CommissionRates { get; init; }

    /// <summary>Trading allowed.</summary>
    [JsonPropertyName("canTrade")]
    public bool CanTrade { get; init; }

    /// <summary>Withdrawals allowed.</summary>
    [JsonPropertyName("canWithdraw")]
    public bool CanWithdraw { get; init; }

    /// <summary>Deposits allowed.</summary>
    [JsonPropertyName("canDeposit")]
    public bool CanDeposit { get; init; }

    /// <summary>A broker sub-account (since 2022-08-23).</summary>
    [JsonPropertyName("brokered")]
    public bool Brokered { get; init; }

    /// <summary>Self-trade prevention required (since 2022-12-05).</summary>
    [JsonPropertyName("requireSelfTradePrevention")]
    public bool RequireSelfTradePrevention { get; init; }

    /// <summary>Smart order routing prevented (since 2023-07-11).</summary>
    [JsonPropertyName("preventSor")]
    public bool PreventSor { get; init; }

    /// <summary>When the account last changed.</summary>
    [JsonPropertyName("updateTime")]
    [JsonRequired]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>"SPOT".</summary>
    [JsonPropertyName("accountType")]
    public string? AccountType { get; init; }

    /// <summary>One row per asset (only non-zero ones with omitZeroBalances).</summary>
    [JsonPropertyName("balances")]
    [JsonRequired]
    public IReadOnlyList<SpotBalance> Balances { get; init; } = [];

    /// <summary>Account permissions, e.g. SPOT.</summary>
    [JsonPropertyName("permissions")]
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>The account's user id (since 2023-07-11).</summary>
    [JsonPropertyName("uid")]
    public long? Uid { get; init; }
}
