using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Ferry.Server.Api;

/// <summary>Reads a JSON request body into its record, or refuses it with one sentence naming what is wrong.</summary>
internal static class ApiBody
{
    private const long MaxBytes = 256 * 1024;

    public static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, string what) where T : class
    {
        if (context.Request.ContentLength is > MaxBytes) throw ApiException.BadInput($"The {what} is larger than 256 KiB; nothing was done");
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted).ConfigureAwait(false)
                ?? throw ApiException.BadInput($"The request body must be a {what} (a JSON object); nothing was done");
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at '{e.Path}'";
            var why = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "a field it does not know"
                : e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "a value of the wrong type (amounts are strings of exact decimals, e.g. \"10.5\")"
                : "JSON it cannot read";
            throw ApiException.BadInput($"The request body is not a {what}: it has {why}{where}; nothing was done");
        }
    }
}
