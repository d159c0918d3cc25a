using System.Text;
using System.Text.Json;
using Ferry.Htx.Models;
using Ferry.Htx.Tests.Support;

namespace Ferry.Htx.Tests;

/// <summary>
/// Every documented example, read and written back through the source-generated context, comes out exactly as the
/// models wrote it when each amount carried its own converter attribute (TestData/written-doc-examples.txt, one line
/// per example): amounts as plain strings, a null amount as null.
/// </summary>
public sealed class ModelWireFormatTests
{
    private static readonly JsonSerializerOptions Options = new(HtxJsonContext.Default.Options);

    [Fact]
    public void Every_documented_example_is_written_back_in_its_recorded_wire_form()
    {
        var sb = new StringBuilder();
        WriteBack<HtxV1Response<IReadOnlyList<HtxAccount>>>("doc-accounts.json", sb);
        WriteBack<HtxV1Response<HtxAccountBalance>>("doc-balance.json", sb);
        WriteBack<HtxV2Response<IReadOnlyList<HtxLedgerRow>>>("doc-ledger.json", sb);
        WriteBack<HtxSwapResponse<IReadOnlyList<HtxIsolatedAccount>>>("doc-swap-account-info.json", sb);
        WriteBack<HtxSwapResponse<IReadOnlyList<HtxCrossAccount>>>("doc-swap-cross-account-info.json", sb);
        WriteBack<HtxV2Response<long?>>("doc-transfer-success.json", sb);
        Assert.Equal(HtxTestClients.Data("written-doc-examples.txt").ReplaceLineEndings(), sb.ToString().ReplaceLineEndings());
    }

    private static void WriteBack<T>(string file, StringBuilder sb)
    {
        var value = JsonSerializer.Deserialize<T>(HtxTestClients.Data(file), Options)!;
        sb.Append(file).Append(' ').AppendLine(JsonSerializer.Serialize(value, Options));
    }
}
