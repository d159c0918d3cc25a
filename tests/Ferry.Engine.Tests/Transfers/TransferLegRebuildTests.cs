using Ferry.Binance.SubAccount;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests.Transfers;

/// <summary>A journal description that is not a leg this version would have written is refused with one sentence.</summary>
public sealed class TransferLegRebuildTests
{
    private static readonly LegDescription Universal = new SubAccountUniversalTransferLeg("main", WalletAddress.Parse("alice@example.com/spot"),
        WalletAddress.Parse("margin"), new SubAccountUniversalTransferRequest(SubAccountAccountType.Spot, SubAccountAccountType.Margin, "USDT", 5m)
        {
            FromEmail = "alice@example.com", ClientTranId = "ferry-fixed",
        }).Describe();

    [Fact]
    public void A_written_leg_rebuilds_to_the_same_request()
    {
        var leg = Assert.IsType<SubAccountUniversalTransferLeg>(TransferLegRebuild.From(Universal));
        Assert.Equal(Universal.Parameters, leg.Parameters);
        Assert.Equal("ferry-fixed", leg.ClientTranId);
    }

    [Theory]
    [InlineData("fromAccountType", "SPOTS", "'SPOTS' is not a sub-account account type")]
    [InlineData("toAccountType", "margin", "'margin' is not a sub-account account type")]
    [InlineData("amount", "5.0000000001", "its amount parameter differs from its amount")]
    [InlineData("toEmail", "bob@example.com", "its parameters do not rebuild to the same request")]
    public void A_changed_parameter_is_refused(string name, string value, string why)
    {
        var parameters = Universal.Parameters.Where(p => p.Key != name).Append(new(name, value)).ToList();
        var e = Assert.Throws<JournalCorruptException>(() => TransferLegRebuild.From(Universal with { Parameters = parameters }));
        Assert.Equal($"The journal's leg SubAccountUniversalTransfer on account 'main' cannot be rebuilt: {why}.", e.Message);
    }

    [Fact]
    public void A_missing_parameter_a_bad_number_and_a_foreign_kind_are_refused()
    {
        var margin = new SubAccountMarginTransferLeg("main", WalletAddress.Parse("alice@example.com/spot"), WalletAddress.Parse("alice@example.com/margin"),
            new SubAccountMarginTransferRequest("alice@example.com", "USDT", 1m, SubAccountMarginTransferType.SpotToMargin)).Describe();
        Assert.Equal("The journal's leg SubAccountMarginTransfer on account 'main' cannot be rebuilt: it has no 'email' parameter.",
            Assert.Throws<JournalCorruptException>(() => TransferLegRebuild.From(margin with { Parameters = margin.Parameters.Where(p => p.Key != "email").ToList() })).Message);
        Assert.Equal("The journal's leg SubAccountMarginTransfer on account 'main' cannot be rebuilt: 'type' is not a number.",
            Assert.Throws<JournalCorruptException>(() => TransferLegRebuild.From(margin with
            {
                Parameters = margin.Parameters.Select(p => p.Key == "type" ? new KeyValuePair<string, string>("type", "-1") : p).ToList(),
            })).Message);
        Assert.Equal("The journal's leg HtxSpotSwapTransfer on account 'main' cannot be rebuilt: its kind 'HtxSpotSwapTransfer' on htx is not a Binance route leg.",
            Assert.Throws<JournalCorruptException>(() => TransferLegRebuild.From(margin with { Kind = "HtxSpotSwapTransfer", Venue = "htx" })).Message);
        var deposit = ManagedSubAccountLegs.Deposit("main", null, "fund@example.com", "USDT", 1m).Describe();
        Assert.Equal("The journal's leg ManagedSubAccountDeposit on account 'main' cannot be rebuilt: ManagedSubAccountDeposit legs are not part of routes.",
            Assert.Throws<JournalCorruptException>(() => TransferLegRebuild.From(deposit)).Message);
    }
}
