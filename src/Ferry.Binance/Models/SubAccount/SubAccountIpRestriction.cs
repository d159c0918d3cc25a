using System.Text.Json.Serialization;
using Ferry.Core.Credentials;

namespace Ferry.Binance.Models.SubAccount;

/// <summary>A sub-account key's IP restriction: the answer of GET ipRestriction and DELETE ipList ("ipRestrict") and of
/// the v2 POST ("status"). <see cref="ToString"/> masks the key.</summary>
public sealed record SubAccountIpRestriction
{
    /// <summary>"true" when restricted to the list (GET/DELETE); null in the POST answer.</summary>
    [JsonPropertyName("ipRestrict")]
    public string? IpRestrict { get; init; }

    /// <summary>"2" restricted, "1" unrestricted (POST); null in the GET/DELETE answer.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The trusted addresses.</summary>
    [JsonPropertyName("ipList")]
    [JsonRequired]
    public IReadOnlyList<string> IpList { get; init; } = [];

    /// <summary>Last change (UTC).</summary>
    [JsonPropertyName("updateTime")]
    [JsonConverter(typeof(EpochMillisecondsJsonConverter))]
    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>The key the restriction belongs to.</summary>
    [JsonPropertyName("apiKey")]
    [JsonRequired]
    public string ApiKey { get; init; } = "";

    /// <summary>Whether only the listed addresses may use the key, from whichever field the answer carries.</summary>
    [JsonIgnore]
    public bool Restricted => IpRestrict == "true" || Status == "2";

    /// <summary>Never prints the whole key.</summary>
    public override string ToString() =>
        $"SubAccountIpRestriction {{ Restricted = {Restricted}, IpList = [{string.Join(", ", IpList)}], UpdateTime = {UpdateTime:O}, ApiKey = {Masking.ApiKey(ApiKey)} }}";
}
