using System.Text.Json;
using Ferry.Htx.Http;
using Ferry.Htx.Models;
using Ferry.Core.Outcomes;

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

/// <summary>A POST /linear-swap-api/v1/swap_cross_account_info: the cross margin account(s).</summary>
/// <param name="MarginAccount">"USDT"; null for all.</param>
public sealed record CrossAccountInfoQuery(string? MarginAccount = null) : IHtxParameters
{
    internal string? Validate() =>
        MarginAccount is null || (MarginAccount.Length is > 0 and <= 20 && MarginAccount.All(char.IsAsciiLetterOrDigit)) ? null
        : $"margin_account '{MarginAccount}' is not a cross margin account such as USDT.";

    void IHtxParameters.WriteBody(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (MarginAccount is not null) writer.WriteString("margin_account", MarginAccount.ToUpperInvariant());
        writer.WriteEndObject();
    }
}

/// <summary>USDT-margined swap account information (host api.hbdm.com): isolated and cross margin accounts.</summary>
public sealed class SwapAccountApi
{
    private readonly HtxTransport _transport;

    internal SwapAccountApi(HtxTransport transport) => _transport = transport;

    /// <summary>POST /linear-swap-api/v1/swap_account_info.</summary>
    public async Task<Outcome<IReadOnlyList<HtxIsolatedAccount>>> GetIsolatedAccountsAsync(IsolatedAccountInfoQuery? query = null,
        CancellationToken cancellationToken = default)
    {
        query ??= new IsolatedAccountInfoQuery();
        if (query.Validate() is { } problem)
        {
            return new NotSent<IReadOnlyList<HtxIsolatedAccount>>(NotSentReason.InvalidInput, problem);
        }

        var outcome = await _transport.SendAsync(HtxEndpoints.SwapIsolatedAccountInfo, query,
            HtxJsonContext.Default.HtxSwapResponseIReadOnlyListHtxIsolatedAccount, cancellationToken).ConfigureAwait(false);
        return outcome.Map(response => response.Data);
    }

    /// <summary>POST /linear-swap-api/v1/swap_cross_account_info.</summary>
    public async Task<Outcome<IReadOnlyList<HtxCrossAccount>>> GetCrossAccountsAsync(CrossAccountInfoQuery? query = null,
        CancellationToken cancellationToken = default)
    {
        query ??= new CrossAccountInfoQuery();
        if (query.Validate() is { } problem)
        {
            return new NotSent<IReadOnlyList<HtxCrossAccount>>(NotSentReason.InvalidInput, problem);
        }

        var outcome = await _transport.SendAsync(HtxEndpoints.SwapCrossAccountInfo, query,
            HtxJsonContext.Default.HtxSwapResponseIReadOnlyListHtxCrossAccount, cancellationToken).ConfigureAwait(false);
        return outcome.Map(response => response.Data);
    }
}
