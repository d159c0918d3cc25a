using Ferry.Core.Credentials;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>
/// An API key and how it signs, bound from configuration: <c>ApiKey</c>, <c>Signing</c> (Hmac, Rsa, Ed25519), and
/// either <c>Secret</c> (HMAC) or <c>PrivateKeyFile</c> (a PEM file; RSA and Ed25519). Keep the secret out of
/// appsettings files: user secrets, environment variables or a key file readable by its owner only.
/// </summary>
public sealed class FerryKeyOptions
{
    public string? ApiKey { get; set; }

    public SigningKind Signing { get; set; } = SigningKind.Hmac;

    public string? Secret { get; set; }

    public string? PrivateKeyFile { get; set; }

    /// <summary>Why these options cannot make a key, in one sentence (never the secret); null when they can.</summary>
    public string? Problem(string venue)
    {
        if (string.IsNullOrWhiteSpace(ApiKey)) return $"{venue}: 'ApiKey' is missing.";
        return Signing switch
        {
            SigningKind.Hmac when string.IsNullOrEmpty(Secret) => $"{venue}: HMAC signing needs 'Secret'.",
            SigningKind.Hmac when PrivateKeyFile is not null => $"{venue}: HMAC signing takes 'Secret', not 'PrivateKeyFile'.",
            SigningKind.Rsa or SigningKind.Ed25519 when string.IsNullOrEmpty(PrivateKeyFile) => $"{venue}: {Signing} signing needs 'PrivateKeyFile' (a PEM file).",
            SigningKind.Rsa or SigningKind.Ed25519 when Secret is not null => $"{venue}: {Signing} signing takes 'PrivateKeyFile', not 'Secret'.",
            SigningKind.Rsa or SigningKind.Ed25519 when !File.Exists(PrivateKeyFile) => $"{venue}: the 'PrivateKeyFile' named does not exist.",
            _ => null,
        };
    }

    /// <summary>The credentials these options name (the PEM file is read now).</summary>
    public ApiCredentials Credentials() => Signing == SigningKind.Hmac
        ? new ApiCredentials(ApiKey!, new SecretText(Secret!), Signing)
        : new ApiCredentials(ApiKey!, new SecretText(File.ReadAllText(PrivateKeyFile!)), Signing);
}
