using Ferry.Htx.Http;
using Ferry.Htx.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Swap;

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
