using System.Text.Json;

namespace Ferry.Htx.Http;

/// <summary>
/// A request's own parameters. GET parameters go in the query and are signed with the four authentication
/// parameters; POST parameters go in a JSON body, which HTX does not sign (reference §6.1).
/// </summary>
internal interface IHtxParameters
{
    /// <summary>The value put in place of <c>{account-id}</c> in the path, when the endpoint has one.</summary>
    string? PathArgument => null;

    /// <summary>Adds the query parameters of a GET (runs after validation, so it never fails).</summary>
    void WriteQuery(List<KeyValuePair<string, string>> query)
    {
    }

    /// <summary>Writes the JSON body of a POST (an object).</summary>
    void WriteBody(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }
}
