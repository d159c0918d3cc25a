using Ferry.Engine.Addresses;

namespace Ferry.Engine.Transfers;

/// <summary>
/// Plans HTX moves: <c>htx:spot</c> ⇄ <c>htx:swap</c> (cross, margin account USDT) or <c>htx:swap:BTC-USDT</c> (isolated),
/// each one call of <c>POST /v2/account/transfer</c>. All checks happen here, before any client exists. Only the
/// engine's TransferService calls it: front ends plan every venue through that one door.
/// </summary>
internal static class HtxTransferPlanner
{
    /// <summary>Plans the move for an HTX account or throws <see cref="TransferPlanningException"/> with one sentence.</summary>
    public static HtxTransferPlan Plan(TransferRequest request, string accountName, Venue accountVenue)
    {
        var (from, to) = (request.From, request.To);
        if (from.Venue != Venue.Htx || to.Venue != Venue.Htx)
        {
            throw new TransferPlanningException(
                $"'{from}' and '{to}' are on different exchanges; moving between Binance and HTX needs a withdrawal and a deposit, which Ferry does not do.");
        }

        if (accountVenue != Venue.Htx)
            throw new TransferPlanningException($"Account '{accountName}' is a {accountVenue.Display()} account, but the move names HTX wallets; choose an HTX account with --account.");
        var asset = TransferInput.ValidateAsset(request.Asset);
        TransferInput.ValidateAmount(request.Amount, Venue.Htx);

        if (from == to)
            throw new TransferPlanningException($"The move goes from '{from}' to the same wallet; name two different wallets.");
        if (from.Wallet == WalletKind.HtxSwap && to.Wallet == WalletKind.HtxSwap)
        {
            throw new TransferPlanningException(
                $"No single HTX transfer moves money from '{from}' to '{to}'; move it through htx:spot in two steps.");
        }

        var swap = from.Wallet == WalletKind.HtxSwap ? from : to;
        var margin = swap.Market ?? "USDT";
        if (swap.Market is not null && !swap.Market.EndsWith("-USDT", StringComparison.Ordinal))
        {
            throw new TransferPlanningException(
                $"'{swap}' names '{swap.Market}', which is not a USDT-margined contract; write it like htx:swap:BTC-USDT, or htx:swap for the cross margin account.");
        }

        return new HtxTransferPlan(accountName, from, to, asset, request.Amount, margin);
    }
}
