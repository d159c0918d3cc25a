using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Core.Money;

namespace Ferry.Engine.Transfers;

/// <summary>
/// Turns a <see cref="TransferRequest"/> into the single endpoint call that performs it, or
/// explains in one sentence why it cannot. Nothing here touches the network.
/// </summary>
public static class TransferPlanner
{
    /// <summary>Binance accepts at most 8 decimal places on transfer amounts.</summary>
    public const int MaxDecimalPlaces = 8;

    /// <summary>Plans the move on <paramref name="account"/> or throws <see cref="TransferPlanningException"/>.</summary>
    public static WalletTransferPlan Plan(TransferRequest request, AccountDefinition account) =>
        Plan(request, account.Name, account.Venue, account.Email);

    /// <summary>
    /// Plans the move for an account known by name, venue and own email (null when unknown), or throws
    /// <see cref="TransferPlanningException"/>.
    /// </summary>
    public static WalletTransferPlan Plan(TransferRequest request, string accountName, Venue accountVenue, string? accountEmail)
    {
        var asset = ValidateAsset(request.Asset);
        ValidateAmount(request.Amount);
        var (from, to) = (request.From, request.To);

        if (from.Venue == Venue.Htx || to.Venue == Venue.Htx)
            throw new TransferPlanningException("The move names HTX wallets; plan it with PlanMove, which routes it to HTX's spot-swap transfer.");
        if (accountVenue != Venue.Binance)
            throw new TransferPlanningException($"Account '{accountName}' is an {accountVenue.Display()} account, but the move names Binance wallets.");
        if (from == to)
            throw new TransferPlanningException($"The move goes from '{from}' to the same wallet; name two different wallets.");

        foreach (var address in new[] { from, to })
        {
            if (address.Email is not null && !string.Equals(address.Email, accountEmail, StringComparison.OrdinalIgnoreCase))
            {
                throw new TransferPlanningException(
                    $"'{address}' names another account ({address.Email}); moves between accounts go through the sub-account "
                    + "endpoints, which TransferRouter plans.");
            }
        }

        var type = WalletTransferTypes.Find(from.Wallet, to.Wallet)
            ?? throw new TransferPlanningException(
                $"No single Binance transfer moves money from '{from}' to '{to}'; move it through spot or cross margin in two steps.");

        return new WalletTransferPlan(accountName, from, to, asset, request.Amount, type,
            from.Wallet == WalletKind.Isolated ? from.Market : null,
            to.Wallet == WalletKind.Isolated ? to.Market : null);
    }

    /// <summary>
    /// Plans a move on whichever venue its addresses name: a Binance universal transfer, or an HTX spot ⇄ swap
    /// transfer (<see cref="HtxTransferPlanner"/>). Throws <see cref="TransferPlanningException"/> when it cannot.
    /// </summary>
    public static ITransferPlan PlanMove(TransferRequest request, string accountName, Venue accountVenue, string? accountEmail) =>
        request.From.Venue == Venue.Htx || request.To.Venue == Venue.Htx
            ? HtxTransferPlanner.Plan(request, accountName, accountVenue)
            : new WalletTransferLeg(Plan(request, accountName, accountVenue, accountEmail));

    /// <summary>Checks an amount: positive, at most <see cref="MaxDecimalPlaces"/> decimals.</summary>
    public static void ValidateAmount(decimal amount)
    {
        if (amount <= 0)
            throw new TransferPlanningException($"The amount {WireDecimal.Format(amount)} is not positive; give an amount greater than zero.");
        if (WireDecimal.DecimalPlaces(amount) > MaxDecimalPlaces)
        {
            throw new TransferPlanningException(
                $"The amount {WireDecimal.Format(amount)} has more than {MaxDecimalPlaces} decimal places, which Binance does not accept.");
        }
    }

    /// <summary>Checks and upper-cases an asset name such as USDT or BTC.</summary>
    public static string ValidateAsset(string asset)
    {
        var upper = asset.Trim().ToUpperInvariant();
        if (upper.Length is < 2 or > 20 || !upper.All(char.IsAsciiLetterOrDigit))
            throw new TransferPlanningException($"'{asset}' is not an asset name; write it like USDT or BTC.");
        return upper;
    }
}
