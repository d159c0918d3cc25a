using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Models.SubAccount;

namespace Ferry.Binance.Tests;

/// <summary>The IP-restriction family's documented examples parse, nothing unmapped; keys never print whole.</summary>
public sealed partial class SubAccountDocExampleParsingTests
{
    [Fact]
    public void Ip_restriction_examples_parse_and_mask_the_key()
    {
        var post = Parse<SubAccountIpRestriction>("doc-sub-account-ip-restriction-post.json");
        Assert.Equal(("2", true, 2), (post.Status, post.Restricted, post.IpList.Count));
        var get = Parse<SubAccountIpRestriction>("doc-sub-account-ip-restriction-get.json");
        Assert.Equal(("true", true, 1636371437000L), (get.IpRestrict, get.Restricted, get.UpdateTime.ToUnixTimeMilliseconds()));
        Assert.DoesNotContain(get.ApiKey, get.ToString(), StringComparison.Ordinal);
        Assert.Contains("k5V49...4lShf"[..5], get.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The IP-restriction family's bad input.</summary>
public sealed partial class SubAccountBadInputTests
{
    [Theory]
    [InlineData("1.2.3", "ipAddress '1.2.3' is not a static IPv4 or IPv6 address.")]
    [InlineData("10.0.0.0/8", "ipAddress '10.0.0.0/8' is not a static IPv4 or IPv6 address.")]
    [InlineData("host.example.com", "ipAddress 'host.example.com' is not a static IPv4 or IPv6 address.")]
    [InlineData("1.2.3.4 ", "ipAddress '1.2.3.4 ' is not a static IPv4 or IPv6 address.")]
    [InlineData("300.1.1.1", "ipAddress '300.1.1.1' is not a static IPv4 or IPv6 address.")]
    public async Task A_bad_ip_list_is_not_sent(string ip, string message)
    {
        await AssertNotSent(c => c.SubAccountManagement.SetIpRestrictionAsync(new SubAccountIpRestrictionRequest("a@b.c", "key", true) { IpAddresses = ["8.8.8.8", ip] }), message);
        await AssertNotSent(c => c.SubAccountManagement.DeleteIpListAsync(new SubAccountIpDeleteRequest("a@b.c", "key", [ip])), message);
    }

    [Fact]
    public async Task Ip_requests_check_key_and_list()
    {
        await AssertNotSent(c => c.SubAccountManagement.GetIpRestrictionAsync(new SubAccountApiKeyQuery("a@b.c", "")), "subAccountApiKey is required (the sub-account's API key).");
        await AssertNotSent(c => c.SubAccountManagement.GetIpRestrictionAsync(new SubAccountApiKeyQuery("a@b.c", "a b")), "subAccountApiKey must be printable ASCII without spaces.");
        await AssertNotSent(c => c.SubAccountManagement.DeleteIpListAsync(new SubAccountIpDeleteRequest("a@b.c", "key", [])), "ipAddress needs at least one IP address.");
        await AssertNotSent(c => c.SubAccountManagement.SetIpRestrictionAsync(new SubAccountIpRestrictionRequest("nope", "key", false)), "email 'nope' is not an e-mail address.");
        Assert.DoesNotContain("secretish-api-key-value", new SubAccountApiKeyQuery("a@b.c", "secretish-api-key-value").ToString(), StringComparison.Ordinal);
    }
}
