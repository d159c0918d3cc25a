using System.Globalization;
using Ferry.Binance.Http;
using Ferry.Core.Addresses;

namespace Ferry.Binance.SubAccount;

/// <summary>Local checks of the sub-account requests; each returns one sentence naming the problem, or null.</summary>
internal static class SubAccountInputRules
{
    /// <summary>An email, checked by <see cref="EmailRule"/>; null passes unless <paramref name="required"/>.</summary>
    public static string? Email(string? email, string name, bool required)
    {
        if (email is null)
        {
            return required ? $"{name} is required (a sub-account email such as alice@example.com)." : null;
        }

        return EmailRule.IsValid(email) ? null : $"{name} '{Shorten(email)}' is not an email address; write it as name@domain.tld.";
    }

    public static string? ClientTranId(string? id) =>
        id is null || (id.Length is > 0 and <= ClientTranIds.MaxLength && id.All(c => c is > ' ' and <= '~'))
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"clientTranId must be 1 to {ClientTranIds.MaxLength} printable characters without spaces.");

    public static string? Defined<TEnum>(TEnum value, string name) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : $"{name} {Convert.ToInt32(value, CultureInfo.InvariantCulture)} is not one of its documented values.";

    public static string? PageAndLimit(int? page, int? limit, int maxLimit)
    {
        if (page is < 1)
        {
            return $"page must be 1 or more, not {page}.";
        }

        return limit is { } l && (l < 1 || l > maxLimit)
            ? string.Create(CultureInfo.InvariantCulture, $"limit must be between 1 and {maxLimit}, not {l}.")
            : null;
    }

    /// <summary>fromEmail and toEmail may not both be given (the history endpoints take one or the other).</summary>
    public static string? OneOf(string? fromEmail, string? toEmail) =>
        fromEmail is not null && toEmail is not null
            ? "Give fromEmail or toEmail, not both: Binance lists one side at a time (neither means from the master)."
            : Email(fromEmail, "fromEmail", false) ?? Email(toEmail, "toEmail", false);

    public static string? Interval(DateTimeOffset? start, DateTimeOffset? end, TimeSpan? max) => InputRules.Interval(start, end, max);

    private static string Shorten(string text) => text.Length > 60 ? string.Concat(text.AsSpan(0, 60), "…") : text;
}
