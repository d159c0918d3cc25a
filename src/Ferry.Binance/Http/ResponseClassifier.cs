using System.Text.Json.Serialization.Metadata;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>
/// The one place that turns an HTTP answer into an outcome (design principle 3): 2xx and readable → Done;
/// 2xx unreadable or error-shaped → Unknown; 4xx → Rejected (code, msg and status kept); 429/418 → Rejected
/// -1003; 408, 5xx and anything else → Unknown (Binance: 5xx means "execution status unknown").
/// </summary>
internal static class ResponseClassifier
{
    /// <summary>Binance's code for "too many requests" (429) and IP bans (418).</summary>
    public const string TooManyRequestsCode = "-1003";

    /// <summary>Classifies an answer whose status line arrived; <paramref name="bodyComplete"/> is false when reading the body failed.</summary>
    public static Outcome<T> Classify<T>(BinanceEndpoint endpoint, int status, ReadOnlySpan<byte> body, bool bodyComplete, JsonTypeInfo<T> typeInfo)
    {
        if (status is >= 200 and <= 299)
        {
            return ReadSuccess(endpoint, status, body, bodyComplete, typeInfo);
        }

        if (status is 429 or 418)
        {
            return bodyComplete && ErrorEnvelope.TryRead(body, out var code, out var msg) && code.Length > 0
                ? new Rejected<T>(new ExchangeError(status, code, msg))
                : new Rejected<T>(new ExchangeError(status, TooManyRequestsCode,
                    status == 418 ? "IP banned for too many requests (HTTP 418)." : "Too many requests (HTTP 429)."));
        }

        if (status is >= 400 and <= 499 and not 408)
        {
            return bodyComplete && ErrorEnvelope.TryRead(body, out var code, out var msg)
                ? new Rejected<T>(new ExchangeError(status, code, msg))
                : new Rejected<T>(new ExchangeError(status, "", $"HTTP {status} without a Binance error body{Snippet(body, bodyComplete)}"));
        }

        return status >= 500
            ? new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status}; Binance documents 5xx as \"execution status unknown\"{Snippet(body, bodyComplete)}", status)
            : new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status}, which is neither success nor a client error.", status);
    }

    private static Outcome<T> ReadSuccess<T>(BinanceEndpoint endpoint, int status, ReadOnlySpan<byte> body, bool bodyComplete, JsonTypeInfo<T> typeInfo)
    {
        if (!bodyComplete)
        {
            return new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status} but its body could not be read to the end.", status);
        }

        if (ErrorEnvelope.IsErrorShaped(body))
        {
            ErrorEnvelope.TryRead(body, out var code, out var msg);
            return new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status} with an error body (code '{code}': {msg}).", status);
        }

        return SuccessBody.Read(endpoint, status, body, typeInfo);
    }

    private static string Snippet(ReadOnlySpan<byte> body, bool complete) => complete ? BodySnippet.Of(body) : ".";
}
