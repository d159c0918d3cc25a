using Ferry.Engine.Transfers;

namespace Ferry.Engine.Tests;

/// <summary>The managed sub-account legs: what they send, and bad input refused while planning.</summary>
public sealed class ManagedSubAccountLegTests
{
    [Fact]
    public void Deposit_and_withdraw_legs_carry_the_documented_parameters()
    {
        var deposit = ManagedSubAccountLegs.Deposit("main", "master@example.com", "fund@example.com", "USDT", 12.5m);
        Assert.Equal((TransferEndpointKind.ManagedSubAccountDeposit, "POST /sapi/v1/managed-subaccount/deposit"), (deposit.Kind, deposit.Endpoint));
        Assert.Equal([new("toEmail", "fund@example.com"), new("asset", "USDT"), new("amount", "12.5")], deposit.Parameters);
        Assert.Equal(("master@example.com/spot", "fund@example.com/spot"), (deposit.From.ToString(), deposit.To.ToString()));

        var date = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var withdraw = ManagedSubAccountLegs.Withdraw("main", "master@example.com", "fund@example.com", "BTC", 0.1m, date);
        Assert.Equal(TransferEndpointKind.ManagedSubAccountWithdraw, withdraw.Kind);
        Assert.Equal("1798675200000", withdraw.Parameters.Single(p => p.Key == "transferDate").Value);
        Assert.Contains("2026-12-31", withdraw.Summary);
        Assert.DoesNotContain(ManagedSubAccountLegs.Withdraw("main", null, "fund@example.com", "BTC", 0.1m, null).Parameters, p => p.Key == "transferDate");
    }

    [Theory]
    [InlineData("fund", "USDT", "1", "toEmail 'fund' is not an e-mail address.")]
    [InlineData("fund@example.com", "usdt", "1", "asset 'usdt' must be 1 to 20 upper-case letters or digits, such as USDT.")]
    [InlineData("fund@example.com", "USDT", "0", "amount must be more than zero, not 0.")]
    public void Bad_input_is_refused_while_planning(string email, string asset, string amount, string message)
    {
        var e = Assert.Throws<TransferPlanningException>(() =>
            ManagedSubAccountLegs.Deposit("main", null, email, asset, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(message, e.Message);
    }
}
