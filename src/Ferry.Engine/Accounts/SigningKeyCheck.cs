using Ferry.Engine.Addresses;
using Ferry.Binance.Signing;
using Ferry.Core.Credentials;

namespace Ferry.Engine.Accounts;

/// <summary>
/// An account's key must be usable for its signing mode when the account is loaded or added, not at the first request:
/// an rsa/ed25519 key whose secret is no PEM key (an HMAC secret inline, say) is refused in one sentence that never quotes
/// it, instead of surfacing as an internal error from the signer.
/// </summary>
internal static class SigningKeyCheck
{
    public static void Check(AccountDefinition account)
    {
        var kind = account.Credentials.Kind;
        if (kind == SigningKind.Hmac) return;
        if (account.Venue != Venue.Binance)
            throw new AccountConfigException($"Account '{account.Name}' is an {account.Venue} account, whose keys sign with HMAC; set signing 'hmac'.");
        try
        {
            using var signer = RequestSigner.Create(account.Credentials);
        }
        catch (ArgumentException)
        {
            // The signer's message is about the key's format and never quotes it, but say it in the account's terms.
            throw new AccountConfigException(
                $"Account '{account.Name}': the private key is not a usable {kind} PEM key ({(kind == SigningKind.Rsa ? "PKCS#8 'PRIVATE KEY'" : "PKCS#8 Ed25519 'PRIVATE KEY'")} expected).");
        }
    }
}
