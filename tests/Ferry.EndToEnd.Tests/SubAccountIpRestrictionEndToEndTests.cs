using Ferry.Binance.SubAccount;
using Ferry.Binance.Wallet;

namespace Ferry.EndToEnd.Tests;

/// <summary>The IP-restriction family: a restricted sub-account key is refused (-2015) from an address not on its list;
/// the simulator sees every caller as 127.0.0.1.</summary>
public sealed class SubAccountIpRestrictionEndToEndTests : SubAccountFixture
{
    private static readonly UniversalTransferHistoryQuery AnyRead = new(UniversalTransferType.MainFunding);

    [Fact]
    public async Task A_restricted_key_works_only_from_a_listed_address()
    {
        using var master = Client();
        using var alice = AliceClient();
        Ok(await alice.Wallet.GetUniversalTransferHistoryAsync(AnyRead));

        var set = Ok(await master.SubAccountManagement.SetIpRestrictionAsync(
            new SubAccountIpRestrictionRequest(Alice, "alice-key", Restricted: true) { IpAddresses = ["10.0.0.1", "2001:db8::1"] }));
        Assert.Equal(("2", true, "alice-key"), (set.Status, set.Restricted, set.ApiKey));
        Assert.Equal(["10.0.0.1", "2001:db8::1"], set.IpList);
        var refused = Refused(await alice.Wallet.GetUniversalTransferHistoryAsync(AnyRead));
        Assert.Equal((401, "-2015", "Invalid API-key, IP, or permissions for action."), (refused.HttpStatus, refused.Code, refused.Message));

        Ok(await master.SubAccountManagement.SetIpRestrictionAsync(new SubAccountIpRestrictionRequest(Alice, "alice-key", true) { IpAddresses = ["127.0.0.1"] }));
        Ok(await alice.Wallet.GetUniversalTransferHistoryAsync(AnyRead));
        var read = Ok(await master.SubAccountManagement.GetIpRestrictionAsync(new SubAccountApiKeyQuery(Alice, "alice-key")));
        Assert.Equal(("true", 3), (read.IpRestrict, read.IpList.Count));

        var deleted = Ok(await master.SubAccountManagement.DeleteIpListAsync(new SubAccountIpDeleteRequest(Alice, "alice-key", ["127.0.0.1", "10.9.9.9"])));
        Assert.Equal(["10.0.0.1", "2001:db8::1"], deleted.IpList);
        Assert.Equal("-2015", Refused(await alice.Wallet.GetUniversalTransferHistoryAsync(AnyRead)).Code);

        var open = Ok(await master.SubAccountManagement.SetIpRestrictionAsync(new SubAccountIpRestrictionRequest(Alice, "alice-key", Restricted: false)));
        Assert.False(open.Restricted);
        Ok(await alice.Wallet.GetUniversalTransferHistoryAsync(AnyRead));
    }

    [Fact]
    public async Task A_key_never_restricted_reads_as_unrestricted_and_other_keys_are_untouched()
    {
        using var master = Client();
        var read = Ok(await master.SubAccountManagement.GetIpRestrictionAsync(new SubAccountApiKeyQuery(Bob, "bob-key")));
        Assert.Equal(("false", 0), (read.IpRestrict, read.IpList.Count));
        Ok(await master.SubAccountManagement.SetIpRestrictionAsync(new SubAccountIpRestrictionRequest(Alice, "alice-key", true) { IpAddresses = ["10.0.0.1"] }));
        using var bob = Client("bob-key", "bob-secret");
        Ok(await bob.Wallet.GetUniversalTransferHistoryAsync(AnyRead));
        Ok(await master.SubAccountManagement.GetAllSubAccountsAsync());
        Assert.DoesNotContain("alice-key", read.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_foreign_key_empty_restriction_unknown_email_sub_account_caller()
    {
        using var master = Client();
        Assert.Contains("'subAccountApiKey'", Refused(await master.SubAccountManagement.GetIpRestrictionAsync(new SubAccountApiKeyQuery(Alice, "bob-key"))).Message);
        Assert.Contains("'subAccountApiKey'", Refused(await master.SubAccountManagement.GetIpRestrictionAsync(new SubAccountApiKeyQuery(Alice, "no-such-key"))).Message);
        Assert.Contains("'ipAddress'", Refused(await master.SubAccountManagement.SetIpRestrictionAsync(new SubAccountIpRestrictionRequest(Bob, "bob-key", true))).Message);
        Assert.Equal("-5021", Refused(await master.SubAccountManagement.GetIpRestrictionAsync(new SubAccountApiKeyQuery("x@example.com", "bob-key"))).Code);
        using var alice = AliceClient();
        Assert.Equal("Sub-account function is not enabled.",
            Refused(await alice.SubAccountManagement.SetIpRestrictionAsync(new SubAccountIpRestrictionRequest(Alice, "alice-key", false))).Message);
    }
}
