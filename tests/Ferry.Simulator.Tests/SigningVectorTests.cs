using System.Text;
using Ferry.Simulator.Binance;
using Ferry.Simulator.Signing;

namespace Ferry.Simulator.Tests;

/// <summary>The simulator's verifier against the vectors in Binance's own docs (reference §1.1).</summary>
public sealed class SigningVectorTests
{
    private const string DocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    [Fact]
    public void Query_only_vector_from_the_docs_verifies()
    {
        var raw = RawParameters.Parse(
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559" +
            "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", "");
        Assert.True(new HmacVerifier(DocSecret).Verify(raw.Payload, raw.Signatures.Single()));
        Assert.Equal("LTCBTC", raw.Values["symbol"]);
    }

    [Fact]
    public void Mixed_query_and_body_vector_from_the_docs_verifies_without_a_separator()
    {
        var raw = RawParameters.Parse(
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
            "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
        Assert.Equal("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559",
            Encoding.ASCII.GetString(raw.Payload));
        Assert.True(new HmacVerifier(DocSecret).Verify(raw.Payload, raw.Signatures.Single()));
    }

    [Fact]
    public void Plus_and_percent_20_both_decode_to_a_space()
    {
        var raw = RawParameters.Parse("a=hello+world&b=hello%20world", "");
        Assert.Equal("hello world", raw.Values["a"]);
        Assert.Equal("hello world", raw.Values["b"]);
    }
}
