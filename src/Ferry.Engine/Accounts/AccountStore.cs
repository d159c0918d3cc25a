using System.Text.Json;
using Ferry.Binance;
using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;
using Ferry.Core.Files;
using Ferry.Core.Safety;

namespace Ferry.Engine.Accounts;

/// <summary>
/// Reads the configured accounts from <c>FERRY_HOME/accounts.json</c>, resolving each key from the
/// file itself, a key file (API key on line one, secret or PEM path on line two), or the
/// environment (<c>FERRY_&lt;ACCOUNT&gt;_API_KEY</c>, <c>FERRY_&lt;ACCOUNT&gt;_API_SECRET</c>).
/// </summary>
public sealed class AccountStore
{
    private static readonly Uri BinanceMainnet = new("https://api.binance.com/");
    private static readonly Uri BinanceTestnet = new("https://testnet.binance.vision/");
    private static readonly Uri HtxMainnet = new("https://api.huobi.pro/");

    /// <summary>The most accounts.json may hold: thousands of accounts, never a file that grows without end.</summary>
    public const long MaxAccountsFileBytes = 1024 * 1024;

    /// <summary>The most a key file or PEM private key may hold (an RSA-4096 PEM is about 3 KiB).</summary>
    public const long MaxKeyFileBytes = 64 * 1024;

    private readonly FerryHome _home;
    private readonly Func<string, string?> _getEnvironmentVariable;

    public AccountStore(FerryHome home, Func<string, string?> getEnvironmentVariable)
    {
        _home = home;
        _getEnvironmentVariable = getEnvironmentVariable;
    }

    /// <summary>Every configured account; empty when there is no accounts file.</summary>
    public IReadOnlyList<AccountDefinition> Load()
    {
        if (!File.Exists(_home.AccountsFile)) return [];
        AccountFileModel? model;
        try
        {
            model = JsonSerializer.Deserialize(ReadAccountsFile(_home), AccountFileJsonContext.Default.AccountFileModel);
        }
        catch (JsonException e)
        {
            throw new AccountConfigException($"The accounts file {_home.AccountsFile} is not valid JSON (line {e.LineNumber + 1}).");
        }
        // An inline secret makes accounts.json a key file, so the key files' owner-only rule applies to it.
        if (model?.Accounts?.FirstOrDefault(e => !string.IsNullOrEmpty(e?.Secret)) is { } inline && OthersCanRead(_home.AccountsFile))
        {
            throw new AccountConfigException(
                $"Account '{inline.Name ?? "?"}' has its secret inline in accounts.json, which others can read; make FERRY_HOME/accounts.json "
                + "owner-only with 'chmod 600' (or move the secret to a key file) and try again.");
        }

        var accounts = new List<AccountDefinition>();
        var position = 0;
        foreach (var entry in model?.Accounts ?? [])
        {
            position++;
            if (entry is null)
                throw new AccountConfigException($"The accounts file {_home.AccountsFile} has null as entry {position} of 'accounts'; each entry must be an object with a name.");
            var account = Resolve(entry);
            if (accounts.Any(a => string.Equals(a.Name, account.Name, StringComparison.OrdinalIgnoreCase)))
                throw new AccountConfigException($"The accounts file names account '{account.Name}' twice.");
            accounts.Add(account);
        }
        return accounts;
    }

    /// <summary>Validates one entry and resolves its key (also used by <see cref="AccountCatalog"/> before it writes anything).</summary>
    internal AccountDefinition Resolve(AccountEntryModel entry)
    {
        var name = entry.Name?.Trim();
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new AccountConfigException($"An account in {_home.AccountsFile} has a missing or malformed name; use letters, digits, '-' or '_'.");

        var venue = (entry.Venue ?? "binance").ToLowerInvariant() switch
        {
            "binance" => Venue.Binance,
            "htx" => Venue.Htx,
            var other => throw new AccountConfigException($"Account '{name}' names an unknown venue '{other}'; use 'binance' or 'htx'."),
        };
        var environment = (entry.Environment ?? "").ToLowerInvariant() switch
        {
            "mainnet" => AccountEnvironment.Mainnet,
            "testnet" => AccountEnvironment.Testnet,
            "sim" => AccountEnvironment.Sim,
            var other => throw new AccountConfigException($"Account '{name}' has environment '{other}'; use 'mainnet', 'testnet' or 'sim'."),
        };
        var baseAddress = ResolveBaseAddress(name, venue, environment, entry.BaseAddress);
        var signing = (entry.Signing ?? "hmac").ToLowerInvariant() switch
        {
            "hmac" => SigningKind.Hmac,
            "rsa" => SigningKind.Rsa,
            "ed25519" => SigningKind.Ed25519,
            var other => throw new AccountConfigException($"Account '{name}' has signing '{other}'; use 'hmac', 'rsa' or 'ed25519'."),
        };
        if (entry.Email is not null && !EmailAddress.IsValid(entry.Email))
            throw new AccountConfigException($"Account '{name}' has a malformed email '{entry.Email}'.");

        var (subAccounts, masterEmail) = ResolveFamily(name, entry);

        var proxy = ResolveProxy(name, venue, baseAddress, entry.Proxy);
        var rateLimits = ResolveRateLimits(name, venue, environment, entry.RateLimits);
        var (apiKey, secret, source) = ResolveKey(name, signing, entry);
        var account = new AccountDefinition(name, venue, environment, baseAddress,
            new ApiCredentials(apiKey, new SecretText(secret), signing), entry.Email?.ToLowerInvariant(), entry.Description,
            subAccounts, masterEmail)
        {
            KeySource = source,
            Proxy = proxy,
            RateLimits = rateLimits,
        };
        SigningKeyCheck.Check(account);
        return account;
    }

    /// <summary>subAccounts (a master's sub-account emails) and masterEmail (a sub-account key's master), checked.</summary>
    private static (IReadOnlyList<string>? SubAccounts, string? MasterEmail) ResolveFamily(string name, AccountEntryModel entry)
    {
        foreach (var sub in entry.SubAccounts ?? [])
        {
            if (sub is null || !EmailAddress.IsValid(sub))
                throw new AccountConfigException($"Account '{name}' lists a malformed sub-account email '{sub}'.");
        }
        if (entry.MasterEmail is not null)
        {
            if (!EmailAddress.IsValid(entry.MasterEmail))
                throw new AccountConfigException($"Account '{name}' has a malformed masterEmail '{entry.MasterEmail}'.");
            if (entry.Email is null)
                throw new AccountConfigException($"Account '{name}' names a masterEmail, so it is a sub-account key and needs its own 'email'.");
            if (entry.SubAccounts is { Count: > 0 })
                throw new AccountConfigException($"Account '{name}' is a sub-account key (it names a masterEmail), so it cannot list subAccounts.");
        }
        return (entry.SubAccounts?.Select(s => s.ToLowerInvariant()).Distinct().ToList(), entry.MasterEmail?.ToLowerInvariant());
    }

    private static Uri ResolveBaseAddress(string name, Venue venue, AccountEnvironment environment, string? configured)
    {
        Uri address;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var parsed))
                throw new AccountConfigException($"Account '{name}' has a malformed baseAddress '{configured}'.");
            address = parsed;
        }
        else
        {
            address = (venue, environment) switch
            {
                (Venue.Binance, AccountEnvironment.Mainnet) => BinanceMainnet,
                (Venue.Binance, AccountEnvironment.Testnet) => BinanceTestnet,
                (Venue.Htx, AccountEnvironment.Mainnet) => HtxMainnet,
                _ => throw new AccountConfigException($"Account '{name}' needs a baseAddress (a '{environment.ToString().ToLowerInvariant()}' account has no default)."),
            };
        }
        if (environment == AccountEnvironment.Sim && !KeyHostAllowlist.IsLoopback(address))
            throw new AccountConfigException($"Account '{name}' is a simulator account, so its baseAddress must be on loopback, not '{address}'.");
        var hosts = venue == Venue.Binance ? KeyHostAllowlist.BinanceHosts : KeyHostAllowlist.HtxHosts;
        var refusal = KeyHostAllowlist.Refusal(address, hosts, venue.Display());
        if (refusal is not null) throw new AccountConfigException($"Account '{name}': {refusal}");
        return address;
    }

    /// <summary>rateLimits: positive budgets, at most the exchange's own on a real exchange, and a window of the exchange's
    /// length unless the account is a simulator's (whose windows a test or bench may have made longer or shorter).</summary>
    private static AccountRateLimits? ResolveRateLimits(string name, Venue venue, AccountEnvironment environment, RateLimitsEntryModel? configured)
    {
        if (configured is null) return null;
        if (venue != Venue.Binance)
            throw new AccountConfigException($"Account '{name}' sets rateLimits, which only a Binance account has; remove it.");
        var real = environment != AccountEnvironment.Sim;
        CheckBudget(name, "uidWeight", configured.UidWeight, real ? new BinanceClientOptions().UidWeightPerMinute : int.MaxValue);
        CheckBudget(name, "ipWeight", configured.IpWeight, real ? new BinanceClientOptions().IpWeightPerMinute : int.MaxValue);
        if (configured.WindowSeconds is { } seconds)
        {
            if (real)
                throw new AccountConfigException($"Account '{name}' sets rateLimits.windowSeconds, which only a simulator account may; the exchange's windows are one minute.");
            if (seconds is < 1 or > 86_400)
                throw new AccountConfigException($"Account '{name}' has rateLimits.windowSeconds {seconds}; use 1 to 86400.");
        }
        return new AccountRateLimits(configured.UidWeight, configured.IpWeight,
            configured.WindowSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
    }

    private static void CheckBudget(string name, string field, int? value, int exchangeLimit)
    {
        if (value is null) return;
        if (value <= 0)
            throw new AccountConfigException($"Account '{name}' has rateLimits.{field} {value}; a budget must be a positive whole number.");
        if (value > exchangeLimit)
            throw new AccountConfigException($"Account '{name}' has rateLimits.{field} {value}, above the exchange's own {exchangeLimit} per minute; a budget can only be lowered.");
    }

    /// <summary>An explicit proxy, allowed only where it relays an HTTPS tunnel to an official host (docs/accounts.md).</summary>
    private static Uri? ResolveProxy(string name, Venue venue, Uri baseAddress, string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var proxy))
            throw new AccountConfigException($"Account '{name}' has a malformed proxy; write it like http://proxy.example:3128.");
        var hosts = venue == Venue.Binance ? KeyHostAllowlist.BinanceHosts : KeyHostAllowlist.HtxHosts;
        if (Ferry.Core.Http.KeyedHttpHandler.ProxyRefusal(baseAddress, proxy, hosts) is { } refusal)
            throw new AccountConfigException($"Account '{name}': {refusal}");
        return proxy;
    }

    private (string ApiKey, string Secret, string Source) ResolveKey(string name, SigningKind signing, AccountEntryModel entry)
    {
        var envName = EnvironmentVariablePrefix(name);
        var apiKey = _getEnvironmentVariable(envName + "_API_KEY");
        var secret = _getEnvironmentVariable(envName + "_API_SECRET");
        // Where the key came from, without the file's location (the source documents: never disclose it).
        var source = apiKey is not null || secret is not null ? $"environment ({envName}_API_KEY/_API_SECRET)"
            : entry.KeyFile is not null ? "key file (owner-only)"
            : entry.PrivateKeyFile is not null ? "private key file (owner-only)"
            : "inline in accounts.json";

        // Each variable overrides only its own half: FERRY_X_API_KEY alone still takes the secret from the key file.
        if ((apiKey is null || secret is null) && entry.KeyFile is not null)
        {
            var (fileKey, fileSecret) = KeyFiles.ReadKeyFile(name, entry.KeyFile, signing);
            apiKey ??= fileKey;
            secret ??= fileSecret;
        }
        apiKey ??= entry.ApiKey;
        if (secret is null && entry.PrivateKeyFile is not null) secret = KeyFiles.ReadOwnerOnly(name, entry.PrivateKeyFile, "its private key file");
        secret ??= entry.Secret;

        if (string.IsNullOrWhiteSpace(apiKey))
            throw new AccountConfigException($"Account '{name}' has no API key: set apiKey or keyFile, or {envName}_API_KEY.");
        if (string.IsNullOrWhiteSpace(secret))
            throw new AccountConfigException($"Account '{name}' has no secret: set secret, keyFile or privateKeyFile, or {envName}_API_SECRET.");
        return (apiKey.Trim(), secret.Trim(), source);
    }

    /// <summary>"FERRY_FUTURES_KEYS" for account "futures-keys": the prefix of its two environment variables.</summary>
    public static string EnvironmentVariablePrefix(string accountName) => "FERRY_" + accountName.ToUpperInvariant().Replace('-', '_');

    /// <summary>accounts.json's text, refused when it is not a regular file or larger than <see cref="MaxAccountsFileBytes"/>.</summary>
    internal static string ReadAccountsFile(FerryHome home)
    {
        try
        {
            return BoundedFile.ReadAllText(home.AccountsFile, MaxAccountsFileBytes);
        }
        catch (BoundedFileException e)
        {
            throw new AccountConfigException($"The accounts file {home.AccountsFile} {e.Reason}.");
        }
    }

    /// <summary>True when others than the owner may read or change <paramref name="path"/>.</summary>
    internal static bool OthersCanRead(string path) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;
}
