using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Binance.Tests.Support;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Tests;

/// <summary>Bad sub-account requests end NotSent InvalidInput with one sentence, and nothing reaches the network.</summary>
public sealed partial class SubAccountBadInputTests : IDisposable
{
    private readonly TestClients _clients = new();

    public void Dispose() => _clients.Dispose();

    private async Task AssertNotSent<T>(Func<BinanceClient, Task<Outcome<T>>> call, string message)
    {
        var outcome = await call(_clients.Hmac());
        var notSent = Assert.IsType<NotSent<T>>(outcome);
        Assert.Equal((NotSentReason.InvalidInput, message), (notSent.Reason, notSent.Message));
        Assert.Empty(_clients.Handler.Requests);
    }

    [Theory]
    [InlineData("", "subAccountString is required (letters and digits Binance turns into a virtual e-mail).")]
    [InlineData("has space", "subAccountString 'has space' must be 1 to 32 ASCII letters or digits.")]
    [InlineData("a_b", "subAccountString 'a_b' must be 1 to 32 ASCII letters or digits.")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "subAccountString 'abcdefghijklmnopqrstuvwxyz0123456' must be 1 to 32 ASCII letters or digits.")]
    public Task A_bad_virtual_sub_account_string_is_not_sent(string text, string message) =>
        AssertNotSent(c => c.SubAccountManagement.CreateVirtualSubAccountAsync(new CreateVirtualSubAccountRequest(text)), message);

    [Theory]
    [InlineData("", "email is required (the sub-account's e-mail address).")]
    [InlineData("alice", "email 'alice' is not an e-mail address.")]
    [InlineData("@example.com", "email '@example.com' is not an e-mail address.")]
    [InlineData("a@b@c", "email 'a@b@c' is not an e-mail address.")]
    [InlineData("al ice@example.com", "email 'al ice@example.com' is not an e-mail address.")]
    public async Task A_bad_email_is_not_sent(string email, string message)
    {
        await AssertNotSent(c => c.SubAccountManagement.EnableFuturesAsync(new SubAccountEmailRequest(email)), message);
        await AssertNotSent(c => c.SubAccountManagement.EnableOptionsAsync(new SubAccountEmailRequest(email)), message);
    }

    [Theory]
    [InlineData("alice@example")]
    [InlineData("alice@example.")]
    [InlineData("alice@.com")]
    public async Task An_email_without_a_dotted_domain_is_not_sent_as_binance_would_refuse_it(string email)
    {
        await AssertNotSent(c => c.SubAccountManagement.EnableFuturesAsync(new SubAccountEmailRequest(email)), $"email '{email}' is not an e-mail address.");
        await AssertNotSent(c => c.ManagedSubAccount.GetAssetsAsync(new ManagedSubAccountEmailQuery(email)), $"email '{email}' is not an e-mail address.");
    }

    [Theory]
    [InlineData(0, null, "page must be 1 or more, not 0.")]
    [InlineData(1, 0, "limit must be between 1 and 200, not 0.")]
    [InlineData(1, 201, "limit must be between 1 and 200, not 201.")]
    public Task A_bad_list_page_is_not_sent(int page, int? limit, string message) =>
        AssertNotSent(c => c.SubAccountManagement.GetSubAccountsAsync(new SubAccountListQuery { Page = page, Limit = limit }), message);

    [Fact]
    public async Task Optional_email_filters_are_checked_too()
    {
        await AssertNotSent(c => c.SubAccountManagement.GetStatusAsync(new SubAccountEmailFilter { Email = "x" }), "email 'x' is not an e-mail address.");
        await AssertNotSent(c => c.SubAccountManagement.GetTransactionStatisticsAsync(new SubAccountEmailFilter { Email = "x" }), "email 'x' is not an e-mail address.");
        await AssertNotSent(c => c.SubAccountManagement.GetAllSubAccountsAsync(new SubAccountListQuery { Email = "x" }), "email 'x' is not an e-mail address.");
    }
}

/// <summary>The balances family's bad input.</summary>
public sealed partial class SubAccountBadInputTests
{
    [Fact]
    public async Task Balance_queries_check_emails_types_and_pages()
    {
        await AssertNotSent(c => c.SubAccountAssets.GetAssetsV3Async(new SubAccountEmailRequest("x")), "email 'x' is not an e-mail address.");
        await AssertNotSent(c => c.SubAccountAssets.GetAssetsV4Async(new SubAccountEmailRequest("")), "email is required (the sub-account's e-mail address).");
        await AssertNotSent(c => c.SubAccountAssets.GetMarginAccountAsync(new SubAccountEmailRequest("a b@c.d")), "email 'a b@c.d' is not an e-mail address.");
        await AssertNotSent(c => c.SubAccountAssets.GetFuturesAccountAsync(new SubAccountEmailRequest("@c")), "email '@c' is not an e-mail address.");
        await AssertNotSent(c => c.SubAccountAssets.GetSpotSummaryAsync(new SubAccountSpotSummaryQuery { Size = 21 }), "size must be between 1 and 20, not 21.");
        await AssertNotSent(c => c.SubAccountAssets.GetSpotSummaryAsync(new SubAccountSpotSummaryQuery { Page = 0 }), "page must be 1 or more, not 0.");
        await AssertNotSent(c => c.SubAccountAssets.GetFuturesAccountV2Async(new SubAccountFuturesAccountQuery("a@b.c", (FuturesType)3)), "futuresType 3 is not 1 (USDⓈ-M) or 2 (COIN-M).");
        await AssertNotSent(c => c.SubAccountAssets.GetFuturesSummaryV2Async(new SubAccountFuturesSummaryQuery { Limit = 50 }), "limit must be between 1 and 20, not 50.");
        await AssertNotSent(c => c.SubAccountAssets.GetFuturesSummaryAsync(new SubAccountFuturesSummaryQuery { FuturesType = FuturesType.CoinMargined }),
            "The v1 futures summary covers USDⓈ-M only; use the v2 call for COIN-M.");
    }
}
