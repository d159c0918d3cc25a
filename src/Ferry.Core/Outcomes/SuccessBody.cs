using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ferry.Core.Outcomes;

/// <summary>
/// Reads a complete success body into its model: <see cref="Done{T}"/> when it parses, else <see cref="Unknown{T}"/>,
/// because a success status with a body nobody can read does not say what the exchange did.
/// </summary>
public static class SuccessBody
{
    /// <summary>Deserializes <paramref name="body"/>, which <paramref name="endpoint"/> answered with HTTP <paramref name="status"/>.</summary>
    public static Outcome<T> Read<T>(object endpoint, int status, ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            var value = JsonSerializer.Deserialize(body, typeInfo);
            return value is null
                ? new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status} with a null body.", status)
                : new Done<T>(value);
        }
        catch (JsonException e)
        {
            return new Unknown<T>($"Outcome unknown: {endpoint} answered HTTP {status} with a body that does not match the documented shape ({e.Message}){BodySnippet.Of(body)}", status);
        }
    }
}
