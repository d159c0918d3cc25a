using System.Text.Json;
using Ferry.Htx.Http;

namespace Ferry.Htx.Swap;

/// <summary>A POST /linear-swap-api/v1/swap_account_info: every isolated margin account, or one contract's.</summary>
/// <param name="ContractCode">e.g. "BTC-USDT"; null for all.</param>
public sealed record IsolatedAccountInfoQuery(string? ContractCode = null) : IHtxParameters
{
    internal string? Validate() =>
        ContractCode is null || HtxInputRules.IsContractCode(ContractCode) ? null
        : $"contract_code '{ContractCode}' is not a contract code such as BTC-USDT.";

    void IHtxParameters.WriteBody(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (ContractCode is not null) writer.WriteString("contract_code", ContractCode.ToUpperInvariant());
        writer.WriteEndObject();
    }
}
