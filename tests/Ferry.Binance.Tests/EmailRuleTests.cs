using Ferry.Core.Addresses;

namespace Ferry.Binance.Tests;

/// <summary>The one e-mail rule that the Binance client, the engine and the CLI share.</summary>
public sealed class EmailRuleTests
{
    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("a@b.c")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    [InlineData("sub_1_virtual@abcdnoemail.com")]
    public void A_plain_address_with_a_dotted_domain_is_valid(string email) => Assert.True(EmailRule.IsValid(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("@example.com")]
    [InlineData("alice@")]
    [InlineData("a@b@example.com")]
    [InlineData("alice@example")]
    [InlineData("alice@example.")]
    [InlineData("alice@.com")]
    [InlineData("al ice@example.com")]
    [InlineData("alice@exa\tmple.com")]
    [InlineData("älice@example.com")]
    [InlineData("alice/spot@example.com")]
    [InlineData("htx:alice@example.com")]
    [InlineData("alice@example.com,bob@example.com")]
    public void Anything_else_is_not(string? email) => Assert.False(EmailRule.IsValid(email));

    [Fact]
    public void The_length_limit_is_254_characters()
    {
        var domain = "@example.com";
        Assert.True(EmailRule.IsValid(new string('a', EmailRule.MaxLength - domain.Length) + domain));
        Assert.False(EmailRule.IsValid(new string('a', EmailRule.MaxLength - domain.Length + 1) + domain));
    }
}
