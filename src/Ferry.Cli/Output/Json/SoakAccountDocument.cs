using System.Text.Json.Serialization;

namespace Ferry.Cli.Output.Json;

/// <summary>One soak account with its simulator keys; the HTX one has no e-mail or sub-accounts, and omits them.</summary>
internal sealed record SoakAccountDocument(
    string Name, string Venue, string Environment, string BaseAddress, string ApiKey, string Secret,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? SubAccounts = null);
