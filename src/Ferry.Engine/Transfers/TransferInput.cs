using Ferry.Core.Money;
using Ferry.Engine.Addresses;

namespace Ferry.Engine.Transfers;

/// <summary>
/// The rules a move's amount and asset must meet before any planner, command or tool looks further: one place, so every
/// front end refuses the same input with the same sentence and sends nothing.
/// </summary>
public static class TransferInput
{
    /// <summary>Binance and HTX accept at most 8 decimal places on transfer amounts.</summary>
    public const int MaxDecimalPlaces = 8;

    /// <summary>Checks an amount: positive, at most <see cref="MaxDecimalPlaces"/> decimals (the refusal names
    /// <paramref name="venue"/>); throws <see cref="TransferPlanningException"/>.</summary>
    public static void ValidateAmount(decimal amount, Venue venue)
    {
        if (amount <= 0)
            throw new TransferPlanningException($"The amount {WireDecimal.Format(amount)} is not positive; give an amount greater than zero.");
        if (WireDecimal.DecimalPlaces(amount) > MaxDecimalPlaces)
        {
            throw new TransferPlanningException(
                $"The amount {WireDecimal.Format(amount)} has more than {MaxDecimalPlaces} decimal places, which {venue.Display()} does not accept.");
        }
    }

    /// <summary>Checks and upper-cases an asset name such as USDT or BTC; throws <see cref="TransferPlanningException"/>.</summary>
    public static string ValidateAsset(string asset)
    {
        var upper = asset.Trim().ToUpperInvariant();
        if (upper.Length is < 2 or > 20 || !upper.All(char.IsAsciiLetterOrDigit))
            throw new TransferPlanningException($"'{asset}' is not an asset name; write it like USDT or BTC.");
        return upper;
    }
}
