using System.Text.Json;
using System.Text.Json.Nodes;
using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Core.Credentials;

namespace Ferry.Engine.Accounts;

/// <summary>One account as listed: its name, venue and environment, and nothing about its key.</summary>
public sealed record AccountListing(string Name, string Venue, string Environment);

/// <summary>
/// A new account to store: everything <c>accounts.json</c> holds, plus the key, which goes to owner-only
/// files under <c>FERRY_HOME/keys</c> and never into <c>accounts.json</c>.
/// </summary>
public sealed record NewAccount(
    string Name,
    Venue Venue,
    AccountEnvironment Environment,
    SigningKind Signing,
    string ApiKey,
    SecretText Secret,
    string? BaseAddress = null,
    string? Email = null,
    string? Description = null,
    IReadOnlyList<string>? SubAccounts = null,
    string? MasterEmail = null)
{
    /// <summary>Masked: the generated record printer would otherwise print the API key whole.</summary>
    public override string ToString() => $"{Name} ({Venue.Display()}, {Environment}, {Signing}) key {Masking.ApiKey(ApiKey)}, secret {Secret}";
}

/// <summary>
/// Adds and removes accounts in <c>FERRY_HOME/accounts.json</c>. Every change is validated completely (name,
/// environment, base address against the key-host allowlist, email, the key itself) before anything is written;
/// secrets are written only to owner-only key files in the documented two-line format.
/// </summary>
public sealed class AccountCatalog
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly FerryHome _home;

    public AccountCatalog(FerryHome home) => _home = home;

    /// <summary>The folder where Ferry keeps the key files it writes.</summary>
    public string KeysFolder => Path.Combine(_home.Path, "keys");

    /// <summary>Names, venues and environments as written in accounts.json; no key is read or resolved.</summary>
    public IReadOnlyList<AccountListing> List()
    {
        var accounts = ReadAccounts();
        return accounts.OfType<JsonObject>().Select(a => new AccountListing(
            Text(a, "name") ?? "?", (Text(a, "venue") ?? "binance").ToLowerInvariant(), (Text(a, "environment") ?? "?").ToLowerInvariant())).ToList();
    }

    /// <summary>True when an account of that name (any case) is configured.</summary>
    public bool Contains(string name) =>
        List().Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Validates every account first, then stores them all; nothing is written when any is refused.</summary>
    public IReadOnlyList<AccountDefinition> Add(IReadOnlyList<NewAccount> accounts)
    {
        var existing = List();
        var store = new AccountStore(_home, _ => null);
        var validated = new List<AccountDefinition>();
        foreach (var account in accounts)
        {
            if (existing.Any(a => string.Equals(a.Name, account.Name, StringComparison.OrdinalIgnoreCase))
                || validated.Any(a => string.Equals(a.Name, account.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new AccountConfigException($"An account named '{account.Name}' already exists; remove it first with 'ferry accounts remove {account.Name}'.");
            }
            // Resolve an in-memory entry: the same checks the loader makes, with the key inline (never written so).
            validated.Add(store.Resolve(Entry(account, inlineKey: true)));
        }

        _home.EnsureExists();
        _home.EnsureExists("keys");
        var list = ReadAccounts();
        var stored = new List<AccountDefinition>();
        foreach (var account in accounts)
        {
            var entry = Entry(account, inlineKey: false);
            entry.KeyFile = WriteKeyFiles(account);
            list.Add(JsonSerializer.SerializeToNode(entry, AccountFileJsonContext.Default.AccountEntryModel));
            stored.Add(validated[stored.Count] with { KeySource = "key file (owner-only)" });
        }
        WriteAccounts(list);
        return stored;
    }

    /// <summary>Removes the account and the key files Ferry wrote for it; false when there is no such account.</summary>
    public bool Remove(string name)
    {
        var list = ReadAccounts();
        var entry = list.OfType<JsonObject>().FirstOrDefault(a => string.Equals(Text(a, "name"), name, StringComparison.OrdinalIgnoreCase));
        if (entry is null) return false;
        list.Remove(entry);
        WriteAccounts(list);
        foreach (var path in new[] { Text(entry, "keyFile"), Text(entry, "privateKeyFile") })
        {
            if (path is null || !IsInside(KeysFolder, path)) continue; // a key file the user keeps elsewhere stays theirs
            var pem = Path.ChangeExtension(path, ".pem");
            if (File.Exists(pem) && IsInside(KeysFolder, pem)) File.Delete(pem);
            if (File.Exists(path)) File.Delete(path);
        }
        return true;
    }

    private static AccountEntryModel Entry(NewAccount account, bool inlineKey) => new()
    {
        Name = account.Name,
        Venue = account.Venue.ToString().ToLowerInvariant(),
        Environment = account.Environment.ToString().ToLowerInvariant(),
        BaseAddress = account.BaseAddress,
        Email = account.Email,
        Description = account.Description,
        SubAccounts = account.SubAccounts is { Count: > 0 } subs ? subs.Select(e => e.ToLowerInvariant()).Distinct().ToList() : null,
        MasterEmail = account.MasterEmail?.ToLowerInvariant(),
        Signing = account.Signing.ToString().ToLowerInvariant(),
        ApiKey = inlineKey ? account.ApiKey : null,
        Secret = inlineKey ? account.Secret.Reveal() : null,
    };

    /// <summary>Writes keys/NAME.key (API key, then the HMAC secret or the PEM's path) and keys/NAME.pem, owner-only.</summary>
    private string WriteKeyFiles(NewAccount account)
    {
        var keyFile = Path.Combine(KeysFolder, account.Name + ".key");
        string secondLine;
        if (account.Signing == SigningKind.Hmac)
        {
            secondLine = account.Secret.Reveal();
        }
        else
        {
            secondLine = Path.Combine(KeysFolder, account.Name + ".pem");
            WriteOwnerOnly(secondLine, account.Secret.Reveal().TrimEnd() + "\n");
        }
        WriteOwnerOnly(keyFile, account.ApiKey + "\n" + secondLine + "\n");
        return keyFile;
    }

    /// <summary>Creates the file readable and writable by its owner only, before a byte of content is written.</summary>
    internal static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (File.Exists(path)) File.Delete(path); // an existing file keeps its old mode otherwise
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private JsonArray ReadAccounts()
    {
        if (!File.Exists(_home.AccountsFile)) return [];
        try
        {
            var root = JsonNode.Parse(AccountStore.ReadAccountsFile(_home), documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var accounts = root?["accounts"] as JsonArray ?? [];
            // The same refusal the loader makes: every command refuses a file it cannot fully read.
            for (var i = 0; i < accounts.Count; i++)
            {
                if (accounts[i] is null)
                    throw new AccountConfigException($"The accounts file {_home.AccountsFile} has null as entry {i + 1} of 'accounts'; each entry must be an object with a name.");
            }
            return accounts;
        }
        catch (JsonException e)
        {
            throw new AccountConfigException($"The accounts file {_home.AccountsFile} is not valid JSON (line {e.LineNumber + 1}).");
        }
    }

    private void WriteAccounts(JsonArray accounts)
    {
        _home.EnsureExists();
        accounts.Parent?.AsObject().Remove("accounts");
        var root = new JsonObject { ["accounts"] = accounts };
        var temporary = _home.AccountsFile + ".tmp";
        WriteOwnerOnly(temporary, root.ToJsonString(Indented) + "\n");
        File.Move(temporary, _home.AccountsFile, overwrite: true);
    }

    private static string? Text(JsonObject account, string name) =>
        account[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool IsInside(string folder, string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }
}
