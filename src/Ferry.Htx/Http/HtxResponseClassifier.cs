using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ferry.Core.Outcomes;

namespace Ferry.Htx.Http;

/// <summary>
/// The one place that turns an HTX answer into an outcome (design principle 3). HTX carries errors in the body
/// in three envelope styles (v1 <c>status/err-code/err-msg</c>, v2 <c>code/message/success</c>, swap
/// <c>status/err_code/err_msg</c>), usually with HTTP 200; all three map to the same cases:
/// success envelope → Done; error envelope → Rejected, except codes that do not say whether anything executed
/// (<see cref="UnknownCodes"/>) → Unknown; 2xx unreadable → Unknown; 4xx → Rejected; 408, 5xx and the rest → Unknown.
/// </summary>
internal static class HtxResponseClassifier
{
    /// <summary>
    /// Error codes that say the service failed, not that the request was refused ("System error", "Abnormal
    /// service"): the request may have executed, so they end Unknown (the safer reading; assumed).
    /// </summary>
    public static readonly IReadOnlySet<string> UnknownCodes = new HashSet<string>(StringComparer.Ordinal) { "500", "1010", "1012", "1030" };

    /// <summary>Codes meaning "too many requests": v2 429, swap 1032, and HTTP 429 without a code.</summary>
    public static readonly IReadOnlySet<string> TooManyRequestsCodes = new HashSet<string>(StringComparer.Ordinal) { "429", "1032" };

    public static Outcome<T> Classify<T>(HtxEndpoint endpoint, int status, ReadOnlySpan<byte> body, bool bodyComplete, JsonTypeInfo<T> typeInfo)
    {
        var envelope = bodyComplete ? ReadEnvelope(body) : Envelope.Unreadable;
        if (status is >= 200 and <= 299)
        {
            if (!bodyComplete)
            {
                return new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status} but its body could not be read to the end.", status);
            }

            if (envelope.Kind == EnvelopeKind.Error)
            {
                return Error<T>(endpoint, status, envelope);
            }

            if (envelope.Kind == EnvelopeKind.Unreadable)
            {
                return new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status} with a body that is not an HTX envelope{BodySnippet.Of(body)}", status);
            }

            return SuccessBody.Read(endpoint, status, body, typeInfo);
        }

        if (status == 429)
        {
            return envelope.Kind == EnvelopeKind.Error && envelope.Code.Length > 0
                ? Error<T>(endpoint, status, envelope)
                : new Rejected<T>(new ExchangeError(status, "429", "Too many requests (HTTP 429)."));
        }

        if (status is >= 400 and <= 499 and not 408)
        {
            return envelope.Kind == EnvelopeKind.Error
                ? Error<T>(endpoint, status, envelope)
                : new Rejected<T>(new ExchangeError(status, "", $"HTTP {status} without an HTX error body{BodySnippet.Of(body)}"));
        }

        return status >= 500
            ? new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status}; a server error does not say whether the request executed{BodySnippet.Of(body)}", status)
            : new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status}, which is neither success nor a client error.", status);
    }

    private static Outcome<T> Error<T>(HtxEndpoint endpoint, int status, Envelope envelope) =>
        UnknownCodes.Contains(envelope.Code)
            ? new Unknown<T>($"Outcome unknown: {endpoint} answered code {envelope.Code} ({envelope.Message}), which does not say whether it executed.", status)
            : new Rejected<T>(new ExchangeError(status, envelope.Code, envelope.Message));

    /// <summary>Reads whichever of the three envelopes the body is; an error's code and message are kept as sent.</summary>
    internal static Envelope ReadEnvelope(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Envelope.Unreadable;
            }

            if (Property(root, "err-code") is { } v1Code)
            {
                return Envelope.Error(v1Code, Property(root, "err-msg") ?? "");
            }

            if (Property(root, "err_code") is { } swapCode)
            {
                return Envelope.Error(swapCode, Property(root, "err_msg") ?? "");
            }

            if (root.TryGetProperty("status", out var statusElement) && statusElement.ValueKind == JsonValueKind.String)
            {
                return statusElement.GetString() == "ok" ? Envelope.Success : Envelope.Error("", "status \"error\" without a code");
            }

            if (root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number)
            {
                var message = Property(root, "message") ?? Property(root, "msg") ?? "";
                var failed = root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False;
                return code.TryGetInt32(out var n) && n == 200 && !failed ? Envelope.Success : Envelope.Error(code.GetRawText(), message);
            }

            return Envelope.Unreadable;
        }
        catch (JsonException)
        {
            return Envelope.Unreadable;
        }
    }

    private static string? Property(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    internal enum EnvelopeKind
    {
        Success,
        Error,
        Unreadable,
    }

    internal readonly record struct Envelope(EnvelopeKind Kind, string Code, string Message)
    {
        public static Envelope Success => new(EnvelopeKind.Success, "", "");

        public static Envelope Unreadable => new(EnvelopeKind.Unreadable, "", "");

        public static Envelope Error(string code, string message) =>
            new(EnvelopeKind.Error, code.Trim().ToString(CultureInfo.InvariantCulture), message);
    }
}
