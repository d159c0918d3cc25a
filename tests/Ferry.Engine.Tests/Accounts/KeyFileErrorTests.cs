using Ferry.Engine.Accounts;

namespace Ferry.Tests.Accounts;

/// <summary>
/// Errors about key files name the account, never a file's location, and never quote a line of a key file (a line may be
/// a secret): an HMAC secret on line two of an rsa/ed25519 key file was once printed whole as "the key file ... does not exist".
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyFileErrorTests : IDisposable
{
    private const string ApiKey = "KFEapiKEY-0f1e2d3c4b5a69788796";
    private const string Secret = "KFEhmacSECRET-a1b2c3d4e5f60718293a";
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-keyfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AccountConfigException LoadFails(string entry)
    {
        OwnerOnly.Write(Path.Combine(_dir, "accounts.json"), $$"""{"accounts":[{{entry}}]}""");
        return Assert.Throws<AccountConfigException>(() => new AccountStore(new FerryHome(_dir), _ => null).Load());
    }

    private void AssertDiscloses_nothing(string message)
    {
        Assert.DoesNotContain(_dir, message);
        Assert.DoesNotContain(Path.GetFileName(_dir), message);
        foreach (var secret in new[] { Secret, ApiKey })
            for (var i = 0; i + 10 <= secret.Length; i++)
                Assert.DoesNotContain(secret.Substring(i, 10), message);
    }

    [Theory]
    [InlineData("rsa")]
    [InlineData("ed25519")]
    public void An_hmac_secret_on_line_two_of_an_rsa_or_ed25519_key_file_is_never_quoted(string signing)
    {
        var keyFile = OwnerOnly.Write(Path.Combine(_dir, "x1.key"), $"{ApiKey}\n{Secret}\n");
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","signing":"{{signing}}","keyFile":"{{keyFile}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("'x1'", error.Message);
        Assert.Contains("line two", error.Message);
    }

    [Theory]
    [InlineData("rsa")]
    [InlineData("ed25519")]
    public void An_inline_hmac_secret_on_an_rsa_or_ed25519_account_is_refused_when_loaded_without_quoting_it(string signing)
    {
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","signing":"{{signing}}","apiKey":"{{ApiKey}}","secret":"{{Secret}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("not a usable", error.Message);
    }

    [Fact]
    public void An_htx_account_that_does_not_sign_with_hmac_is_refused_when_loaded()
    {
        var error = LoadFails($$"""{"name":"x1","venue":"htx","environment":"mainnet","signing":"ed25519","apiKey":"{{ApiKey}}","secret":"{{Secret}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("HMAC", error.Message);
    }

    [Fact]
    public void A_missing_key_file_is_named_by_its_account()
    {
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","keyFile":"{{Path.Combine(_dir, "gone.key")}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("Account 'x1'", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void A_key_file_others_can_read_is_refused_without_its_location()
    {
        var keyFile = OwnerOnly.Write(Path.Combine(_dir, "x1.key"), $"{ApiKey}\n{Secret}\n", OwnerOnly.Mode | UnixFileMode.OtherRead);
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","keyFile":"{{keyFile}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("chmod 600", error.Message);
        Assert.Contains("'x1'", error.Message);
    }

    [Fact]
    public void A_private_key_file_others_can_read_is_refused_without_its_location()
    {
        var pem = OwnerOnly.Write(Path.Combine(_dir, "x1.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", OwnerOnly.Mode | UnixFileMode.GroupRead);
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","signing":"ed25519","apiKey":"{{ApiKey}}","privateKeyFile":"{{pem}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("chmod 600", error.Message);
    }

    [Fact]
    public void A_one_line_key_file_is_refused_without_its_location_or_its_line()
    {
        var keyFile = OwnerOnly.Write(Path.Combine(_dir, "x1.key"), $"{Secret}\n");
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","keyFile":"{{keyFile}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("line one", error.Message);
    }

    [Fact]
    public void A_key_file_that_is_a_folder_is_refused_in_one_sentence()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "x1.key")).FullName;
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","keyFile":"{{folder}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("Account 'x1'", error.Message);
    }

    [Fact]
    public void A_huge_key_file_is_refused_before_it_is_read_whole()
    {
        var keyFile = OwnerOnly.Write(Path.Combine(_dir, "x1.key"), $"{ApiKey}\n{Secret}\n" + new string('x', 200_000));
        var error = LoadFails($$"""{"name":"x1","environment":"mainnet","keyFile":"{{keyFile}}"}""");
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("larger", error.Message);
    }

    [Fact]
    public void Inline_secrets_in_an_accounts_file_others_can_read_are_refused()
    {
        var accounts = Path.Combine(_dir, "accounts.json");
        OwnerOnly.Write(accounts, $$"""{"accounts":[{"name":"x1","environment":"mainnet","apiKey":"{{ApiKey}}","secret":"{{Secret}}"}]}""",
            OwnerOnly.Mode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var store = new AccountStore(new FerryHome(_dir), _ => null);
        var error = Assert.Throws<AccountConfigException>(() => store.Load());
        AssertDiscloses_nothing(error.Message);
        Assert.Contains("'x1'", error.Message);
        Assert.Contains("chmod 600", error.Message);

        File.SetUnixFileMode(accounts, OwnerOnly.Mode);
        Assert.Equal(Secret, Assert.Single(store.Load()).Credentials.Secret.Reveal());
    }

    [Fact]
    public void An_accounts_file_others_can_read_is_fine_when_it_holds_no_secret()
    {
        var keyFile = OwnerOnly.Write(Path.Combine(_dir, "x1.key"), $"{ApiKey}\n{Secret}\n");
        OwnerOnly.Write(Path.Combine(_dir, "accounts.json"), $$"""{"accounts":[{"name":"x1","environment":"mainnet","keyFile":"{{keyFile}}"}]}""",
            OwnerOnly.Mode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Equal(Secret, Assert.Single(new AccountStore(new FerryHome(_dir), _ => null).Load()).Credentials.Secret.Reveal());
    }
}
