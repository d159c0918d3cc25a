using System.Globalization;

namespace Ferry.Core.Outcomes;

/// <summary>An error the exchange answered with: its own code and message, and the HTTP status.</summary>
/// <param name="HttpStatus">The HTTP status of the answer.</param>
/// <param name="Code">The venue's error code as sent (Binance: "-2015"; HTX: "1301" or "api-signature-not-valid").</param>
/// <param name="Message">The venue's message text, verbatim.</param>
public sealed record ExchangeError(int HttpStatus, string Code, string Message)
{
    /// <summary>The code as a number when it is one (all Binance codes are).</summary>
    public long? NumericCode =>
        long.TryParse(Code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    public override string ToString() =>
        Code.Length == 0 ? $"exchange error (HTTP {HttpStatus}): {Message}" : $"exchange error {Code} (HTTP {HttpStatus}): {Message}";
}
