using Ferry.Engine.Addresses;

namespace Ferry.Cli.Commands;

/// <summary>Checks of the sub-account and managed sub-account verbs' input, each failing as bad input naming the value.</summary>
internal static class CommandInput
{
    /// <summary>An e-mail argument, lower-cased.</summary>
    public static string Email(string? email, string what = "EMAIL")
    {
        if (!EmailAddress.IsValid(email)) throw CliException.BadInput($"{what} '{email}' is not an email address; write it as name@domain.tld.");
        return email!.ToLowerInvariant();
    }

    /// <summary>A coin, asset or network code (1 to 20 letters and digits), upper-cased; <paramref name="kind"/> says what was expected.</summary>
    public static string Code(string? code, string what, string kind)
    {
        var upper = code?.ToUpperInvariant() ?? "";
        return upper.Length is >= 1 and <= 20 && upper.All(char.IsAsciiLetterOrDigit)
            ? upper
            : throw CliException.BadInput($"{what} '{code}' is not {kind} or network code; write it like USDT or ETH.");
    }

    /// <summary>One of <paramref name="allowed"/>, lower-cased.</summary>
    public static string Choice(string? value, string[] allowed, string what) =>
        allowed.Contains(value?.ToLowerInvariant()) ? value!.ToLowerInvariant()
            : throw CliException.BadInput($"{what} '{value}' is not one of {string.Join(", ", allowed)}.");

    /// <summary>Throws bad input with the request's own sentence when the client would refuse it.</summary>
    public static void Check(string? problem)
    {
        if (problem is not null) throw CliException.BadInput(problem);
    }
}
