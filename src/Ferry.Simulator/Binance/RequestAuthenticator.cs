using System.Globalization;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance;

/// <summary>Authenticates SIGNED requests as Binance describes (rest-api.md "SIGNED endpoint security" and
/// "Timing security"): key header, signature over query + body, timestamp and recvWindow, then the key's permission.</summary>
internal static class RequestAuthenticator
{
    /// <summary>The largest recvWindow Binance accepts, in ms.</summary>
    public const decimal MaxRecvWindow = 60000m;

    /// <summary>Binance's default recvWindow, in ms.</summary>
    public const decimal DefaultRecvWindow = 5000m;

    public static AuthResult Authenticate(string? apiKeyHeader, RawParameters request, Permission required, long serverTimeMs, KeyRing keys)
    {
        if (string.IsNullOrEmpty(apiKeyHeader) || apiKeyHeader.Length > 512 || apiKeyHeader.Any(c => c <= ' ' || c > '~'))
        {
            return Fail(BinanceErrors.BadApiKeyFormat);
        }
        var key = keys.Find(apiKeyHeader);
        if (key is null) return Fail(BinanceErrors.RejectedKey);

        if (request.Signatures.Count == 0 || request.Signatures[0].Length == 0)
        {
            return Fail(BinanceErrors.MandatoryParam.Format("signature"));
        }
        if (request.Signatures.Count > 1 || !key.Verifier.Verify(request.Payload, request.Signatures[0]))
        {
            return Fail(BinanceErrors.InvalidSignature);
        }

        if (!request.Values.TryGetValue("timestamp", out var ts) ||
            !long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Fail(BinanceErrors.MandatoryParam.Format("timestamp"));
        }
        var recvWindow = DefaultRecvWindow;
        if (request.Values.TryGetValue("recvWindow", out var rw))
        {
            if (!decimal.TryParse(rw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out recvWindow) || recvWindow <= 0m)
            {
                return Fail(BinanceErrors.MandatoryParam.Format("recvWindow"));
            }
            if (recvWindow > MaxRecvWindow) return Fail(BinanceErrors.BadRecvWindow);
        }
        // The docs' pseudo-code: if (timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow) process.
        if (timestamp >= serverTimeMs + 1000) return Fail(BinanceErrors.TimestampAhead);
        if (serverTimeMs - timestamp > recvWindow) return Fail(BinanceErrors.OutsideRecvWindow);

        if (!key.Has(required)) return Fail(BinanceErrors.RejectedKey);
        return new AuthResult(key, null, timestamp, recvWindow);
    }

    private static AuthResult Fail(BinanceError error) => new(null, error);
}
