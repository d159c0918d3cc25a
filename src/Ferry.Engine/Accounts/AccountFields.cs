using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;

namespace Ferry.Engine.Accounts;

/// <summary>The spellings accounts.json, <c>ferry accounts add</c> and TOOLS.md share for an account's fields.</summary>
public static class AccountFields
{
    /// <summary>Letters, digits, '-' and '_', 1..40 characters (it becomes a file name and an environment variable).</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 40 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool TryParseEnvironment(string? text, out AccountEnvironment environment)
    {
        environment = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "mainnet": environment = AccountEnvironment.Mainnet; return true;
            case "testnet": environment = AccountEnvironment.Testnet; return true;
            case "sim": case "simulator": environment = AccountEnvironment.Sim; return true;
            default: return false;
        }
    }

    public static bool TryParseSigning(string? text, out SigningKind signing)
    {
        signing = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "hmac": signing = SigningKind.Hmac; return true;
            case "rsa": signing = SigningKind.Rsa; return true;
            case "ed25519": signing = SigningKind.Ed25519; return true;
            default: return false;
        }
    }

    public static bool TryParseVenue(string? text, out Venue venue)
    {
        venue = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "binance": venue = Venue.Binance; return true;
            case "htx": venue = Venue.Htx; return true;
            default: return false;
        }
    }

    /// <summary>"Mainnet", "Testnet", "Sim": how listings show an environment.</summary>
    public static string Display(AccountEnvironment environment) => environment.ToString();
}
