using System.Security.Cryptography;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Core.Credentials;

namespace Ferry.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AccountCatalogTests : IDisposable
{
    private const string Key = "CatalogKeyAbCdEf0123456789XYZ";
    private const string Secret = "CatalogSecret-0123456789-abcdefghij";
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-catalog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private FerryHome Home => new(_dir);
    private AccountCatalog Catalog => new(Home);
    private IReadOnlyList<AccountDefinition> Load() => new AccountStore(Home, _ => null).Load();

    private static NewAccount Hmac(string name, AccountEnvironment environment = AccountEnvironment.Mainnet, string? baseAddress = null) =>
        new(name, Venue.Binance, environment, SigningKind.Hmac, Key, new SecretText(Secret), baseAddress, Description: "test account");

    [Fact]
    public void Add_writes_the_secret_only_to_an_owner_only_key_file_and_the_loader_reads_it_back()
    {
        var stored = Assert.Single(Catalog.Add([Hmac("main")]));
        Assert.Equal("key file (owner-only)", stored.KeySource);

        var accountsJson = File.ReadAllText(Home.AccountsFile);
        Assert.DoesNotContain(Secret, accountsJson);
        Assert.DoesNotContain(Key, accountsJson);
        Assert.Contains("\"keyFile\"", accountsJson);

        var keyFile = Path.Combine(_dir, "keys", "main.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Home.AccountsFile));
        Assert.Equal([Key, Secret], File.ReadAllLines(keyFile));

        var loaded = Assert.Single(Load());
        Assert.Equal(Key, loaded.Credentials.ApiKey);
        Assert.Equal(Secret, loaded.Credentials.Secret.Reveal());
        Assert.Equal("test account", loaded.Description);
    }

    [Fact]
    public void Add_keeps_accounts_already_there_and_refuses_a_name_twice()
    {
        Catalog.Add([Hmac("main")]);
        Catalog.Add([Hmac("futures-keys")]);
        Assert.Equal(["main", "futures-keys"], Catalog.List().Select(a => a.Name));
        var error = Assert.Throws<AccountConfigException>(() => Catalog.Add([Hmac("MAIN")]));
        Assert.Contains("already exists", error.Message);
        Assert.Equal(2, Load().Count);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://api.binance.com.evil.example")]
    public void Add_refuses_a_base_address_outside_the_allowlist_and_writes_nothing(string address)
    {
        var error = Assert.Throws<AccountConfigException>(() => Catalog.Add([Hmac("main", AccountEnvironment.Mainnet, address)]));
        Assert.Contains("Refusing to send", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
        Assert.False(File.Exists(Home.AccountsFile));
        Assert.False(Directory.Exists(Path.Combine(_dir, "keys")));
    }

    [Fact]
    public void A_batch_with_one_bad_account_writes_nothing()
    {
        Assert.Throws<AccountConfigException>(() => Catalog.Add([Hmac("good"), Hmac("bad name")]));
        Assert.Empty(Catalog.List());
        Assert.False(File.Exists(Path.Combine(_dir, "keys", "good.key")));
    }

    [Fact]
    public void Rsa_and_ed25519_keys_are_stored_as_owner_only_pem_files_named_by_the_key_file()
    {
        using var rsa = RSA.Create(2048);
        var rsaPem = rsa.ExportPkcs8PrivateKeyPem();
        Catalog.Add([new NewAccount("rsa-acct", Venue.Binance, AccountEnvironment.Mainnet, SigningKind.Rsa, Key, new SecretText(rsaPem))]);
        var keyLines = File.ReadAllLines(Path.Combine(_dir, "keys", "rsa-acct.key"));
        Assert.Equal(Path.Combine(_dir, "keys", "rsa-acct.pem"), keyLines[1]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyLines[1]));
        var loaded = Assert.Single(Load());
        Assert.Equal(SigningKind.Rsa, loaded.Credentials.Kind);
        Assert.Equal(rsaPem.Trim(), loaded.Credentials.Secret.Reveal());
        Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(Home.AccountsFile));
    }

    [Fact]
    public void A_pem_that_does_not_parse_is_refused_before_anything_is_written()
    {
        var error = Assert.Throws<AccountConfigException>(() => Catalog.Add(
            [new NewAccount("ed", Venue.Binance, AccountEnvironment.Mainnet, SigningKind.Ed25519, Key, new SecretText("-----BEGIN PRIVATE KEY-----\nnot-base64-at-all\n-----END PRIVATE KEY-----"))]));
        Assert.Contains("not a usable Ed25519 PEM key", error.Message);
        Assert.False(File.Exists(Home.AccountsFile));
    }

    [Fact]
    public void Remove_deletes_the_entry_and_the_key_files_Ferry_wrote_but_not_the_users_own()
    {
        Catalog.Add([Hmac("main"), Hmac("other")]);
        var own = Path.Combine(_dir, "own.key");
        File.WriteAllText(own, "x\ny\n");
        Assert.True(Catalog.Remove("MAIN"));
        Assert.False(File.Exists(Path.Combine(_dir, "keys", "main.key")));
        Assert.True(File.Exists(Path.Combine(_dir, "keys", "other.key")));
        Assert.Equal(["other"], Catalog.List().Select(a => a.Name));
        Assert.False(Catalog.Remove("main"));
        Assert.True(File.Exists(own));
    }

    [Fact]
    public void New_account_and_definition_print_masked()
    {
        var account = Hmac("main");
        Assert.DoesNotContain(Key, account.ToString());
        Assert.DoesNotContain(Secret, account.ToString());
        Assert.Contains("Catal...9XYZ", account.ToString());
    }
}
