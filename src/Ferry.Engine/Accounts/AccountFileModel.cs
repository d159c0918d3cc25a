using System.Text.Json.Serialization;

namespace Ferry.Engine.Accounts;

/// <summary>The accounts file as written on disk (<c>FERRY_HOME/accounts.json</c>).</summary>
internal sealed class AccountFileModel
{
    [JsonPropertyName("accounts")] public List<AccountEntryModel> Accounts { get; set; } = [];
}

/// <summary>One account entry; see docs/accounts.md for each field.</summary>
internal sealed class AccountEntryModel
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("venue")] public string? Venue { get; set; }
    [JsonPropertyName("environment")] public string? Environment { get; set; }
    [JsonPropertyName("baseAddress")] public string? BaseAddress { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("signing")] public string? Signing { get; set; }
    [JsonPropertyName("apiKey")] public string? ApiKey { get; set; }
    [JsonPropertyName("secret")] public string? Secret { get; set; }
    [JsonPropertyName("keyFile")] public string? KeyFile { get; set; }
    [JsonPropertyName("privateKeyFile")] public string? PrivateKeyFile { get; set; }
    [JsonPropertyName("subAccounts")] public List<string>? SubAccounts { get; set; }
    [JsonPropertyName("masterEmail")] public string? MasterEmail { get; set; }
    [JsonPropertyName("proxy")] public string? Proxy { get; set; }
    [JsonPropertyName("rateLimits")] public RateLimitsEntryModel? RateLimits { get; set; }
}

/// <summary>An account's <c>rateLimits</c> object; see docs/accounts.md.</summary>
internal sealed class RateLimitsEntryModel
{
    [JsonPropertyName("uidWeight")] public int? UidWeight { get; set; }
    [JsonPropertyName("ipWeight")] public int? IpWeight { get; set; }
    [JsonPropertyName("windowSeconds")] public int? WindowSeconds { get; set; }
}

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
    WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountFileModel))]
internal sealed partial class AccountFileJsonContext : JsonSerializerContext;
