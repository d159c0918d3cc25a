using System.Globalization;
using System.Text.Json;

namespace Ferry.Binance.Http;

/// <summary>
/// Reads Binance's error bodies: <c>{"code":-1022,"msg":"..."}</c> and the legacy sub-account shape
/// <c>{"msg":"...","success":false}</c> (no code; the code is then the empty string).
/// </summary>
internal static class ErrorEnvelope
{
    /// <summary>True when <paramref name="body"/> is a JSON object carrying <c>code</c> and/or <c>msg</c>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out string code, out string message)
    {
        code = "";
        message = "";
        var found = Scan(body, out var codeText, out var msg, out _, out var hasMsg, out var hasCode);
        if (!found || !(hasMsg || hasCode))
        {
            return false;
        }

        code = codeText ?? "";
        message = msg ?? "";
        return true;
    }

    /// <summary>True when a success (2xx) body is in fact an error: it has <c>msg</c> and a <c>code</c> or <c>success:false</c>.
    /// A <c>code</c> of 200 is Binance's success marker (GET managed-subaccount/accountSnapshot answers
    /// <c>{"code":200,"msg":"",...}</c>), not an error.</summary>
    public static bool IsErrorShaped(ReadOnlySpan<byte> body) =>
        Scan(body, out var code, out _, out var success, out var hasMsg, out var hasCode) && hasMsg && ((hasCode && code != "200") || success == false);

    private static bool Scan(ReadOnlySpan<byte> body, out string? code, out string? message, out bool? success, out bool hasMsg, out bool hasCode)
    {
        code = null;
        message = null;
        success = null;
        hasMsg = false;
        hasCode = false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("code"u8))
                {
                    reader.Read();
                    hasCode = true;
                    code = reader.TokenType switch
                    {
                        JsonTokenType.Number when reader.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
                        JsonTokenType.String => reader.GetString(),
                        _ => null,
                    };
                    hasCode = code is not null;
                }
                else if (reader.ValueTextEquals("msg"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        message = reader.GetString();
                        hasMsg = true;
                    }
                }
                else if (reader.ValueTextEquals("success"u8))
                {
                    reader.Read();
                    success = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => null,
                    };
                }
                else
                {
                    reader.Read();
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
