namespace Ferry.Core.Addresses;

/// <summary>
/// The one e-mail check Ferry applies wherever an account is named by e-mail: the engine's addresses and account
/// files, the CLI and MCP, and the Binance client's requests. It is the rule Binance applies (an address it refuses
/// answers -4003 "Your input email is invalid."), narrowed by the characters Ferry's address syntax reserves.
/// </summary>
public static class EmailRule
{
    /// <summary>The longest e-mail accepted (the RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// True for <c>local@domain.tld</c>: at most <see cref="MaxLength"/> characters, exactly one '@' with text before it,
    /// a domain with a dot that has text on both sides, printable ASCII only (no space or control character), and
    /// none of '/', ':' or ',' (they separate an e-mail from its wallet, venue or neighbour in Ferry's addresses and lists).
    /// </summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > MaxLength)
        {
            return false;
        }

        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@'))
        {
            return false;
        }

        var domain = email.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        if (dot <= 0 || dot == domain.Length - 1)
        {
            return false;
        }

        foreach (var c in email)
        {
            if (c is <= ' ' or > '~' or '/' or ':' or ',')
            {
                return false;
            }
        }

        return true;
    }
}
