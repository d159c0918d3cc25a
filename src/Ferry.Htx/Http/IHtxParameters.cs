using System.Text.Json;
using Ferry.Core.Http;

namespace Ferry.Htx.Http;

/// <summary>
/// A request's own parameters. GET parameters go in the query and are signed with the four authentication
/// parameters; POST parameters go in a JSON body, which HTX does not sign (reference §6.1).
/// </summary>
internal interface IHtxParameters : IWireRequest
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

    /// <summary>The query a GET sends, then the properties of the body a POST sends (a request has one or the other), read
    /// from what <see cref="WriteQuery"/> and <see cref="WriteBody"/> write. The path argument is part of the path, not listed.</summary>
    IReadOnlyList<KeyValuePair<string, string>> IWireRequest.WireParameters()
    {
        var parameters = new List<KeyValuePair<string, string>>();
        WriteQuery(parameters);
        parameters.AddRange(HtxJsonBody.Properties(HtxJsonBody.Of(this)));
        return parameters;
    }
}
