using Ferry.Engine.Accounts;

namespace Ferry.Tests;

/// <summary>accounts.json's subAccounts (on a master) and masterEmail (on a sub-account key).</summary>
public sealed class AccountFamilyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ferry-family-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IReadOnlyList<AccountDefinition> Load(string accounts)
    {
        Accounts.OwnerOnly.Write(Path.Combine(_dir, "accounts.json"), $$"""{"accounts":[{{accounts}}]}""");
        return new AccountStore(new FerryHome(_dir), _ => null).Load();
    }

    private const string Sim = "\"environment\":\"sim\",\"baseAddress\":\"http://127.0.0.1:5000\",\"apiKey\":\"k1234567890\",\"secret\":\"s1234567890\"";

    [Fact]
    public void A_master_lists_its_sub_accounts_and_a_sub_account_key_names_its_master()
    {
        var accounts = Load($$"""
            {"name":"main",{{Sim}},"email":"master@example.com","subAccounts":["Alice@Example.com","bob@example.com"]},
            {"name":"alice",{{Sim}},"email":"alice@example.com","masterEmail":"Master@example.com"}
            """);
        Assert.Equal(["alice@example.com", "bob@example.com"], accounts[0].SubAccounts);
        Assert.Null(accounts[0].MasterEmail);
        Assert.Equal("master@example.com", accounts[1].MasterEmail);
    }

    [Theory]
    [InlineData("\"email\":\"m@example.com\",\"subAccounts\":[\"not an email\"]", "malformed sub-account email")]
    [InlineData("\"email\":\"a@example.com\",\"masterEmail\":\"nope\"", "malformed masterEmail")]
    [InlineData("\"masterEmail\":\"m@example.com\"", "needs its own 'email'")]
    [InlineData("\"email\":\"a@example.com\",\"masterEmail\":\"m@example.com\",\"subAccounts\":[\"b@example.com\"]", "cannot list subAccounts")]
    public void Bad_family_fields_are_refused_with_one_sentence(string fields, string expected)
    {
        var error = Assert.Throws<AccountConfigException>(() => Load($$"""{"name":"x",{{Sim}},{{fields}}}"""));
        Assert.Contains(expected, error.Message);
    }
}
