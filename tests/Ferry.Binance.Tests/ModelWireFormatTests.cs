using System.Text;
using System.Text.Json;
using Ferry.Binance.Models;
using Ferry.Binance.Tests.Support;
using Ferry.Binance.Models.ManagedSubAccount;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.Tests;

/// <summary>
/// Every documented example, read and written back through the source-generated context, comes out exactly as the
/// models wrote it when each amount carried its own converter attribute (TestData/written-doc-examples.txt, one line
/// per example): amounts as plain strings, v3 balances as numbers, a missing nullable amount as null.
/// </summary>
public sealed class ModelWireFormatTests
{
    private static readonly JsonSerializerOptions Options = new(BinanceJsonContext.Default.Options);

    [Fact]
    public void Every_documented_example_is_written_back_in_its_recorded_wire_form()
    {
        var sb = new StringBuilder();
        WriteBack<UniversalTransferPage>("doc-asset-transfer-get.json", sb);
        WriteBack<UniversalTransferResult>("doc-asset-transfer-post.json", sb);
        WriteBack<ManagedSubAccountSnapshotPage>("doc-managed-account-snapshot.json", sb);
        WriteBack<IReadOnlyList<ManagedSubAccountAsset>>("doc-managed-asset.json", sb);
        WriteBack<ManagedSubAccountDepositAddress>("doc-managed-deposit-address.json", sb);
        WriteBack<ManagedSubAccountFuturesAssets>("doc-managed-fetch-future-asset.json", sb);
        WriteBack<ManagedSubAccountListPage>("doc-managed-info.json", sb);
        WriteBack<ManagedSubAccountMarginAssets>("doc-managed-margin-asset.json", sb);
        WriteBack<ManagedSubAccountTransferLog>("doc-managed-trans-log.json", sb);
        WriteBack<ManagedSubAccountTransferResult>("doc-managed-transfer.json", sb);
        WriteBack<MarginTransferPage>("doc-margin-transfer-get.json", sb);
        WriteBack<ServerTimeResult>("doc-server-time.json", sb);
        WriteBack<SubAccountAssetsV3>("doc-sub-account-assets-v3.json", sb);
        WriteBack<SubAccountAssetsV4>("doc-sub-account-assets-v4.json", sb);
        WriteBack<SubAccountDepositAddress>("doc-sub-account-deposit-address.json", sb);
        WriteBack<IReadOnlyList<SubAccountDepositRow>>("doc-sub-account-deposit-history.json", sb);
        WriteBack<OptionsEnableResult>("doc-sub-account-eoptions-enable.json", sb);
        WriteBack<SubAccountFuturesAccount>("doc-sub-account-futures-account-v1.json", sb);
        WriteBack<SubAccountFuturesAccountV2>("doc-sub-account-futures-account-v2-coinm.json", sb);
        WriteBack<SubAccountFuturesAccountV2>("doc-sub-account-futures-account-v2-usdm.json", sb);
        WriteBack<FuturesEnableResult>("doc-sub-account-futures-enable.json", sb);
        WriteBack<SubAccountFuturesSummary>("doc-sub-account-futures-summary-v1.json", sb);
        WriteBack<SubAccountFuturesSummaryV2>("doc-sub-account-futures-summary-v2-coinm.json", sb);
        WriteBack<SubAccountFuturesSummaryV2>("doc-sub-account-futures-summary-v2-usdm.json", sb);
        WriteBack<SubAccountIpRestriction>("doc-sub-account-ip-restriction-get.json", sb);
        WriteBack<SubAccountIpRestriction>("doc-sub-account-ip-restriction-post.json", sb);
        WriteBack<SubAccountListPage>("doc-sub-account-list.json", sb);
        WriteBack<SubAccountMarginAccount>("doc-sub-account-margin-account.json", sb);
        WriteBack<SubAccountMarginSummary>("doc-sub-account-margin-summary.json", sb);
        WriteBack<MovePositionHistoryPage>("doc-sub-account-move-position-get.json", sb);
        WriteBack<MovePositionResult>("doc-sub-account-move-position-post.json", sb);
        WriteBack<IReadOnlyList<SubAccountPositionRisk>>("doc-sub-account-position-risk-v1.json", sb);
        WriteBack<SubAccountPositionRiskV2>("doc-sub-account-position-risk-v2-coinm.json", sb);
        WriteBack<SubAccountPositionRiskV2>("doc-sub-account-position-risk-v2-usdm.json", sb);
        WriteBack<SubAccountSpotSummary>("doc-sub-account-spot-summary.json", sb);
        WriteBack<IReadOnlyList<SubAccountStatusRow>>("doc-sub-account-status.json", sb);
        WriteBack<SubAccountTransactionStatistics>("doc-sub-account-transaction-statistics.json", sb);
        WriteBack<VirtualSubAccountResult>("doc-sub-account-virtual.json", sb);
        WriteBack<SubAccountFuturesInternalTransferPage>("doc-sub-futures-internal-transfer-get.json", sb);
        WriteBack<SubAccountFuturesInternalTransferResult>("doc-sub-futures-internal-transfer-post.json", sb);
        WriteBack<IReadOnlyList<SubAccountSpotTransferRow>>("doc-sub-spot-transfer-history-get.json", sb);
        WriteBack<SubAccountUniversalTransferPage>("doc-sub-universal-transfer-get.json", sb);
        WriteBack<SubAccountUniversalTransferResult>("doc-sub-universal-transfer-post.json", sb);
        WriteBack<IReadOnlyList<SubAccountUserTransferRow>>("doc-sub-user-history-get.json", sb);
        Assert.Equal(TestClients.Data("written-doc-examples.txt").ReplaceLineEndings(), sb.ToString().ReplaceLineEndings());
    }

    private static void WriteBack<T>(string file, StringBuilder sb)
    {
        var value = JsonSerializer.Deserialize<T>(TestClients.Data(file), Options)!;
        sb.Append(file).Append(' ').AppendLine(JsonSerializer.Serialize(value, Options));
    }
}
