using Ferry.Htx.Http;
using Ferry.Htx.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Transfers;

/// <summary>The spot ⇄ USDT-margined swap transfer (POST /v2/account/transfer).</summary>
public sealed class TransferApi
{
    private readonly HtxTransport _transport;

    internal TransferApi(HtxTransport transport) => _transport = transport;

    /// <summary>
    /// POST /v2/account/transfer. Validated locally first (NotSent InvalidInput, nothing sent); never resent.
    /// Reconcile an Unknown outcome against <see cref="Accounts.AccountApi.GetLedgerAsync"/>.
    /// </summary>
    public async Task<Outcome<SpotSwapTransferResult>> TransferAsync(SpotSwapTransferRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate() is { } problem)
        {
            return new NotSent<SpotSwapTransferResult>(NotSentReason.InvalidInput, problem);
        }

        var outcome = await _transport.SendAsync(HtxEndpoints.SpotSwapTransfer, request,
            HtxJsonContext.Default.HtxV2ResponseNullableInt64, cancellationToken).ConfigureAwait(false);
        return outcome is Done<HtxV2Response<long?>> { Value.Data: null }
            ? new Unknown<SpotSwapTransferResult>("Outcome unknown: POST /v2/account/transfer answered success without a transfer id.")
            : outcome.Map(response => new SpotSwapTransferResult(response.Data!.Value));
    }
}
