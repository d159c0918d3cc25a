using System.Text.Json.Serialization;
using Ferry.Binance.Models.Balances;
using Ferry.Binance.Models.ManagedSubAccount;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.Models;

/// <summary>
/// Source-generated JSON metadata for every model the client reads (no reflection at run time). Every decimal
/// (and decimal?) goes through <see cref="WireDecimalJsonConverter"/>: read exactly from a string or a number, written
/// as a plain string; a property keeps a converter attribute only where its endpoint allows one JSON kind alone.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(WireDecimalJsonConverter)],
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(UniversalTransferResult))]
[JsonSerializable(typeof(UniversalTransferPage))]
[JsonSerializable(typeof(MarginTransferPage))]
[JsonSerializable(typeof(ServerTimeResult))]
[JsonSerializable(typeof(SubAccountTransferResult))]
[JsonSerializable(typeof(SubAccountFuturesInternalTransferResult))]
[JsonSerializable(typeof(SubAccountUniversalTransferResult))]
[JsonSerializable(typeof(SubAccountUniversalTransferPage))]
[JsonSerializable(typeof(SubAccountFuturesInternalTransferPage))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountSpotTransferRow>))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountUserTransferRow>))]
// Sub-account management and queries
[JsonSerializable(typeof(VirtualSubAccountResult))]
[JsonSerializable(typeof(SubAccountListPage))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountListRow>))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountStatusRow>))]
[JsonSerializable(typeof(FuturesEnableResult))]
[JsonSerializable(typeof(OptionsEnableResult))]
[JsonSerializable(typeof(SubAccountTransactionStatistics))]
[JsonSerializable(typeof(SubAccountAssetsV3))]
[JsonSerializable(typeof(SubAccountAssetsV4))]
[JsonSerializable(typeof(SubAccountSpotSummary))]
[JsonSerializable(typeof(SubAccountMarginAccount))]
[JsonSerializable(typeof(SubAccountMarginSummary))]
[JsonSerializable(typeof(SubAccountFuturesAccount))]
[JsonSerializable(typeof(SubAccountFuturesAccountV2))]
[JsonSerializable(typeof(SubAccountFuturesSummary))]
[JsonSerializable(typeof(SubAccountFuturesSummaryV2))]
[JsonSerializable(typeof(SubAccountDepositAddress))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountDepositRow>))]
[JsonSerializable(typeof(SubAccountIpRestriction))]
[JsonSerializable(typeof(IReadOnlyList<SubAccountPositionRisk>))]
[JsonSerializable(typeof(SubAccountPositionRiskV2))]
[JsonSerializable(typeof(MovePositionResult))]
[JsonSerializable(typeof(MovePositionHistoryPage))]
[JsonSerializable(typeof(IReadOnlyList<MovePositionHistoryRow>))]
// Managed sub-accounts
[JsonSerializable(typeof(ManagedSubAccountTransferResult))]
[JsonSerializable(typeof(ManagedSubAccountDepositAddress))]
[JsonSerializable(typeof(IReadOnlyList<ManagedSubAccountAsset>))]
[JsonSerializable(typeof(ManagedSubAccountFuturesAssets))]
[JsonSerializable(typeof(ManagedSubAccountListPage))]
[JsonSerializable(typeof(IReadOnlyList<ManagedSubAccountInfo>))]
[JsonSerializable(typeof(ManagedSubAccountMarginAssets))]
[JsonSerializable(typeof(ManagedSubAccountSnapshotPage))]
[JsonSerializable(typeof(ManagedSubAccountTransferLog))]
// The master account's own balances
[JsonSerializable(typeof(SpotAccount))]
[JsonSerializable(typeof(IReadOnlyList<UserAsset>))]
[JsonSerializable(typeof(IReadOnlyList<FundingAsset>))]
[JsonSerializable(typeof(IReadOnlyList<WalletOverviewRow>))]
[JsonSerializable(typeof(CrossMarginAccount))]
[JsonSerializable(typeof(IsolatedMarginAccount))]
[JsonSerializable(typeof(IReadOnlyList<UsdmFuturesBalance>))]
[JsonSerializable(typeof(UsdmFuturesAccount))]
[JsonSerializable(typeof(IReadOnlyList<CoinFuturesBalance>))]
[JsonSerializable(typeof(CoinFuturesAccount))]
public sealed partial class BinanceJsonContext : JsonSerializerContext
{
}
