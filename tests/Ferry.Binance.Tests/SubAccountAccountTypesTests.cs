using Ferry.Binance.SubAccount;

namespace Ferry.Binance.Tests;

/// <summary>Sub-account wallet types read back from the names they are sent under, and nothing else.</summary>
public sealed class SubAccountAccountTypesTests
{
    [Fact]
    public void Every_wire_name_reads_back()
    {
        foreach (var type in Enum.GetValues<SubAccountAccountType>())
        {
            Assert.True(SubAccountAccountTypes.TryParse(type.WireName(), out var read));
            Assert.Equal(type, read);
        }
    }

    [Theory]
    [InlineData("spot")]
    [InlineData("Spot")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_type(string? wire) => Assert.False(SubAccountAccountTypes.TryParse(wire, out _));
}
