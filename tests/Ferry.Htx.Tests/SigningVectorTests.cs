using System.Security.Cryptography;
using System.Text;
using Ferry.Core.Credentials;
using Ferry.Htx.Http;
using Ferry.Htx.Signing;
using Ferry.Htx.Tests.Support;
using Ferry.Htx.Transfers;

namespace Ferry.Htx.Tests;

/// <summary>Signature V2 against the reference's fixed vector, and the wire request against its own pre-sign string.</summary>
public sealed class SigningVectorTests
{
    private const string DocPreSign =
        "GET\napi.huobi.pro\n/v1/order/orders\nAccessKeyId=e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2017-05-11T15%3A19%3A30&order-id=1234567890";

    [Fact]
    public void The_documented_pre_sign_string_is_rebuilt_from_unsorted_parameters()
    {
        var canonical = HtxSigner.CanonicalQuery(
        [
            new("order-id", "1234567890"), new("Timestamp", "2017-05-11T15:19:30"), new("SignatureVersion", "2"),
            new("AccessKeyId", HtxTestClients.DocAccessKey), new("SignatureMethod", "HmacSHA256"),
        ]);

        Assert.Equal(DocPreSign, HtxSigner.PreSign("get", "API.huobi.pro", "/v1/order/orders", canonical));
    }

    [Fact]
    public void The_fixed_vector_signs_to_the_reference_value()
    {
        using var signer = new HtxSigner(new ApiCredentials(HtxTestClients.DocAccessKey, new SecretText(HtxTestClients.DocSecret), SigningKind.Hmac));

        Assert.Equal("Nmd8AU8uAe0mkFpxNbiava0aeZzBEtYjCdie1ZYZjoM=", signer.Sign(DocPreSign));
    }

    [Fact]
    public void The_timestamp_is_utc_seconds_without_a_zone()
    {
        using var signer = new HtxSigner(new ApiCredentials("k", new SecretText("s"), SigningKind.Hmac));
        var auth = signer.AuthParameters(new DateTimeOffset(2017, 5, 11, 17, 19, 30, 999, TimeSpan.FromHours(2)));

        Assert.Equal(["AccessKeyId", "SignatureMethod", "SignatureVersion", "Timestamp"], auth.Select(p => p.Key));
        Assert.Equal("2017-05-11T15:19:30", auth[3].Value);
        Assert.Equal("HmacSHA256", auth[1].Value);
        Assert.Equal("2", auth[2].Value);
    }

    [Theory]
    [InlineData("2017-05-11T15:19:30", "2017-05-11T15%3A19%3A30")]
    [InlineData("a b+c/d", "a%20b%2Bc%2Fd")]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("é", "%C3%A9")]
    [InlineData("x=y&z", "x%3Dy%26z")]
    public void Encoding_uses_upper_case_hex_and_keeps_unreserved_characters(string value, string encoded) =>
        Assert.Equal(encoded, HtxPercentEncoding.Encode(value));

    [Fact]
    public void Non_hmac_keys_are_refused_at_construction()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new HtxClient(new ApiCredentials("k", new SecretText("-----BEGIN PRIVATE KEY-----"), SigningKind.Ed25519), new HtxClientOptions()));
        Assert.Contains("HMAC", e.Message);
    }

    [Fact]
    public async Task A_post_signs_only_the_four_auth_parameters_with_the_host_and_port_and_sends_json()
    {
        using var clients = new HtxTestClients();
        clients.Handler.Enqueue(System.Net.HttpStatusCode.OK, TestData("doc-transfer-success.json"));
        using var client = clients.Create(o => o.SpotBaseAddress = o.SwapBaseAddress = new Uri("http://127.0.0.1:5123/"));

        await client.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("USDT", 100.50m, "btc-usdt"));

        var sent = Assert.Single(clients.Handler.Requests);
        Assert.Equal("/v2/account/transfer", sent.Uri.AbsolutePath);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("""{"from":"spot","to":"linear-swap","currency":"usdt","amount":100.5,"margin-account":"BTC-USDT"}""", sent.Body);
        var pairs = sent.Query.Split('&');
        Assert.Equal(["AccessKeyId", "SignatureMethod", "SignatureVersion", "Timestamp", "Signature"], pairs.Select(p => p.Split('=')[0]));
        var canonical = string.Join('&', pairs[..^1]);
        Assert.Equal("Timestamp=2026-11-22T12%3A00%3A00", pairs[3]);
        var expected = Sign($"POST\n127.0.0.1:5123\n/v2/account/transfer\n{canonical}");
        Assert.Equal(expected, sent.QueryValue("Signature"));
    }

    [Fact]
    public async Task A_get_signs_its_own_parameters_sorted_with_the_auth_ones()
    {
        using var clients = new HtxTestClients();
        clients.Handler.Enqueue(System.Net.HttpStatusCode.OK, TestData("doc-ledger.json"));
        using var client = clients.Create();

        await client.Accounts.GetLedgerAsync(new Accounts.AccountLedgerQuery { AccountId = 42, Currency = "USDT", Limit = 5 });

        var sent = Assert.Single(clients.Handler.Requests);
        Assert.Equal("https://api.huobi.pro/v2/account/ledger", sent.Uri.GetLeftPart(UriPartial.Path));
        Assert.Null(sent.Body);
        var names = sent.Query.Split('&').Select(p => p.Split('=')[0]).ToList();
        Assert.Equal(["AccessKeyId", "SignatureMethod", "SignatureVersion", "Timestamp", "accountId", "currency", "limit", "transactTypes", "Signature"], names);
        var canonical = sent.Query[..sent.Query.IndexOf("&Signature=", StringComparison.Ordinal)];
        Assert.Equal(Sign($"GET\napi.huobi.pro\n/v2/account/ledger\n{canonical}"), sent.QueryValue("Signature"));
        Assert.Equal("usdt", sent.QueryValue("currency"));
    }

    private static string Sign(string preSign)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(HtxTestClients.DocSecret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(preSign)));
    }

    private static string TestData(string name) => HtxTestClients.Data(name);
}
