using Ferry.Engine.Accounts;
using Ferry.Core.Credentials;

namespace Ferry.Tests;

public sealed class AccountStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-accounts-").FullName;
    private readonly Dictionary<string, string> _env = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AccountStore Store(string json)
    {
        // Owner-only, as Ferry writes it: an accounts file others can read may not hold a secret inline.
        Accounts.OwnerOnly.Write(Path.Combine(_dir, "accounts.json"), json);
        return new AccountStore(new FerryHome(_dir), name => _env.GetValueOrDefault(name));
    }

    [Fact]
    public void No_file_means_no_accounts() =>
        Assert.Empty(new AccountStore(new FerryHome(_dir), _ => null).Load());

    [Fact]
    public void Reads_inline_sim_account()
    {
        var account = Assert.Single(Store("""
            {"accounts":[{"name":"main","venue":"binance","environment":"sim","baseAddress":"http://127.0.0.1:5000",
              "apiKey":"abcdefghijklmnop","secret":"supersecretvalue1","email":"Master@Example.com"}]}
            """).Load());
        Assert.Equal(AccountEnvironment.Sim, account.Environment);
        Assert.Equal("master@example.com", account.Email);
        Assert.Equal("abcde...mnop", account.Credentials.MaskedApiKey);
        Assert.DoesNotContain("supersecretvalue1", account.ToString());
        Assert.DoesNotContain("abcdefghijklmnop", account.ToString());
    }

    [Fact]
    public void Mainnet_defaults_to_the_official_host()
    {
        var account = Assert.Single(Store("""{"accounts":[{"name":"main","environment":"mainnet","apiKey":"k1234567890","secret":"s1234567890"}]}""").Load());
        Assert.Equal(new Uri("https://api.binance.com/"), account.BaseAddress);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Key_file_must_be_owner_only()
    {
        var keyFile = Path.Combine(_dir, "main.key");
        File.WriteAllText(keyFile, "apikey-from-file-123\nsecret-from-file-456\n");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var store = Store($$"""{"accounts":[{"name":"main","environment":"mainnet","keyFile":"{{keyFile}}"}]}""");
        var error = Assert.Throws<AccountConfigException>(() => store.Load());
        Assert.Contains("chmod 600", error.Message);

        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var account = Assert.Single(store.Load());
        Assert.Equal("apikey-from-file-123", account.Credentials.ApiKey);
        Assert.Equal("secret-from-file-456", account.Credentials.Secret.Reveal());
    }

    [Fact]
    public void A_mainnet_account_may_name_a_proxy_for_its_https_tunnel()
    {
        var account = Assert.Single(Store("""{"accounts":[{"name":"main","environment":"mainnet","proxy":"http://proxy.example:3128","apiKey":"k1234567890","secret":"s1234567890"}]}""").Load());
        Assert.Equal(new Uri("http://proxy.example:3128"), account.Proxy);
        Assert.Null(Assert.Single(Store("""{"accounts":[{"name":"main","environment":"mainnet","apiKey":"k1234567890","secret":"s1234567890"}]}""").Load()).Proxy);
    }

    [Fact]
    public void Rate_limits_are_read_and_applied_to_the_client_options()
    {
        var mainnet = Assert.Single(Store("""{"accounts":[{"name":"main","environment":"mainnet","rateLimits":{"uidWeight":90000},"apiKey":"k1234567890","secret":"s1234567890"}]}""").Load());
        Assert.Equal(new AccountRateLimits(UidWeight: 90_000), mainnet.RateLimits);
        var sim = Assert.Single(Store("""{"accounts":[{"name":"sim","environment":"sim","baseAddress":"http://127.0.0.1:5000","rateLimits":{"uidWeight":3000,"ipWeight":500,"windowSeconds":3600},"apiKey":"k1234567890","secret":"s1234567890"}]}""").Load());
        var options = sim.RateLimits!.ApplyTo(new Ferry.Binance.BinanceClientOptions());
        Assert.Equal((3000, 500, TimeSpan.FromHours(1)), (options.UidWeightPerMinute, options.IpWeightPerMinute, options.WeightWindow));
        Assert.Null(Assert.Single(Store("""{"accounts":[{"name":"main","environment":"mainnet","apiKey":"k1234567890","secret":"s1234567890"}]}""").Load()).RateLimits);
    }

    [Fact]
    public void Environment_variables_override_the_file()
    {
        _env["FERRY_FUTURES_KEYS_API_KEY"] = "env-key-0123456789";
        _env["FERRY_FUTURES_KEYS_API_SECRET"] = "env-secret-0123456789";
        var account = Assert.Single(Store("""{"accounts":[{"name":"futures-keys","environment":"mainnet"}]}""").Load());
        Assert.Equal("env-key-0123456789", account.Credentials.ApiKey);
        Assert.Equal(SigningKind.Hmac, account.Credentials.Kind);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_api_key_variable_alone_still_takes_the_secret_from_the_key_file()
    {
        var keyFile = Path.Combine(_dir, "main.key");
        File.WriteAllText(keyFile, "apikey-from-file-123\nsecret-from-file-456\n");
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _env["FERRY_MAIN_API_KEY"] = "env-key-0123456789";
        var account = Assert.Single(Store($$"""{"accounts":[{"name":"main","environment":"mainnet","keyFile":"{{keyFile}}"}]}""").Load());
        Assert.Equal("env-key-0123456789", account.Credentials.ApiKey);
        Assert.Equal("secret-from-file-456", account.Credentials.Secret.Reveal());
    }

    [Theory]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","baseAddress":"http://evil.example","apiKey":"k1234567890","secret":"s1234567890"}]}""", "Refusing to send")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","baseAddress":"https://evil.example","apiKey":"k1234567890","secret":"s1234567890"}]}""", "Refusing to send")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","baseAddress":"https://api.binance.com.evil.example","apiKey":"k1234567890","secret":"s1234567890"}]}""", "Refusing to send")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","baseAddress":"http://api.binance.com","apiKey":"k1234567890","secret":"s1234567890"}]}""", "Refusing to send")]
    [InlineData("""{"accounts":[{"name":"main","environment":"sim","baseAddress":"http://10.0.0.5:80","apiKey":"k1234567890","secret":"s1234567890"}]}""", "must be on loopback")]
    [InlineData("""{"accounts":[{"name":"main","environment":"moon","apiKey":"k","secret":"s"}]}""", "environment 'moon'")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet"}]}""", "has no API key")]
    [InlineData("""{"accounts":[{"name":"a b","environment":"mainnet"}]}""", "malformed name")]
    [InlineData("""{"accounts":[""", "not valid JSON")]
    [InlineData("""{"accounts":[{"name":"main","environment":"sim","baseAddress":"http://127.0.0.1:5000","proxy":"http://127.0.0.1:3128","apiKey":"k1234567890","secret":"s1234567890"}]}""", "only for HTTPS to an official exchange host")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","proxy":"socks5://127.0.0.1:1080","apiKey":"k1234567890","secret":"s1234567890"}]}""", "http:// or https://")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","proxy":"not a proxy","apiKey":"k1234567890","secret":"s1234567890"}]}""", "malformed proxy")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","rateLimits":{"uidWeight":200000},"apiKey":"k1234567890","secret":"s1234567890"}]}""", "rateLimits.uidWeight 200000, above the exchange's own 180000")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","rateLimits":{"ipWeight":0},"apiKey":"k1234567890","secret":"s1234567890"}]}""", "a budget must be a positive whole number")]
    [InlineData("""{"accounts":[{"name":"main","environment":"mainnet","rateLimits":{"windowSeconds":3600},"apiKey":"k1234567890","secret":"s1234567890"}]}""", "only a simulator account may")]
    [InlineData("""{"accounts":[{"name":"main","environment":"sim","baseAddress":"http://127.0.0.1:5000","rateLimits":{"windowSeconds":0},"apiKey":"k1234567890","secret":"s1234567890"}]}""", "use 1 to 86400")]
    [InlineData("""{"accounts":[{"name":"h","venue":"htx","environment":"mainnet","rateLimits":{"uidWeight":10},"apiKey":"k1234567890","secret":"s1234567890"}]}""", "only a Binance account has")]
    public void Refuses_bad_configuration(string json, string expected)
    {
        var error = Assert.Throws<AccountConfigException>(() => Store(json).Load());
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("s1234567890", error.Message);
    }
}
