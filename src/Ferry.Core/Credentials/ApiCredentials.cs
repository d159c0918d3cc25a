namespace Ferry.Core.Credentials;

/// <summary>
/// An exchange API key and what signs for it. <see cref="ToString"/> masks both halves;
/// a class, not a record, so no generated printer can reveal them.
/// </summary>
public sealed class ApiCredentials
{
    public ApiCredentials(string apiKey, SecretText secret, SigningKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ApiKey = apiKey;
        Secret = secret;
        Kind = kind;
    }

    /// <summary>The API key as sent in the venue's header; show it only through <see cref="MaskedApiKey"/>.</summary>
    public string ApiKey { get; }

    /// <summary>The HMAC secret or the PEM private key.</summary>
    public SecretText Secret { get; }

    /// <summary>How requests are signed with this key.</summary>
    public SigningKind Kind { get; }

    /// <summary>The API key masked for display.</summary>
    public string MaskedApiKey => Masking.ApiKey(ApiKey);

    public override string ToString() => $"{Kind} key {MaskedApiKey}, secret {Secret}";
}
