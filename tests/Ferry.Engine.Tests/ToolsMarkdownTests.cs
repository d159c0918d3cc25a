using Ferry.Engine.Accounts;

namespace Ferry.Tests;

public sealed class ToolsMarkdownTests
{
    [Fact]
    public void Reads_the_source_documents_layout()
    {
        var accounts = ToolsMarkdown.Parse("""
            # Tools

            ## Other notes
            ### not-an-account
            - API Key: ignored-because-not-under-binance

            ## Binance Accounts
            ### main
            - API Key: su1QcMainKey0123456789abcd8akf
            - Secret: mainSecret0123456789xyz-aws1
            - Description: Primary trading account
            ### futures-keys
            - API Key: `futures789KEY0123456789def`
            - Secret: futuressecret0123456789uvw
            - Description: Futures trading account
            - Environment: testnet
            - Signing: hmac
            - Email: Futures@Example.com
            """, "TOOLS.md");
        Assert.Equal(["main", "futures-keys"], accounts.Select(a => a.Name));
        Assert.Equal("su1QcMainKey0123456789abcd8akf", accounts[0].ApiKey);
        Assert.Equal("mainSecret0123456789xyz-aws1", accounts[0].Secret.Reveal());
        Assert.Equal("Primary trading account", accounts[0].Description);
        Assert.Null(accounts[0].Environment);
        Assert.Equal("futures789KEY0123456789def", accounts[1].ApiKey);
        Assert.Equal("testnet", accounts[1].Environment);
        Assert.Equal("Futures@Example.com", accounts[1].Email);
        Assert.DoesNotContain("mainSecret0123456789xyz-aws1", accounts[0].ToString());
        Assert.DoesNotContain("su1QcMainKey0123456789abcd8akf", accounts[0].ToString());
    }

    [Theory]
    [InlineData("# nothing here", "no '## Binance Accounts' section")]
    [InlineData("## Binance Accounts\n", "lists no account")]
    [InlineData("## Binance Accounts\n### main\n- Secret: s0123456789abcdef\n", "has no '- API Key:' line")]
    [InlineData("## Binance Accounts\n### main\n- API Key: k0123456789abcdef\n", "has no '- Secret:' line")]
    [InlineData("## Binance Accounts\n### main\n- API Key: abc123...xyz\n- Secret: secret123...key\n", "line 3: the API key of 'main' is shortened")]
    [InlineData("## Binance Accounts\n### main\n- API Key: k0123456789abcdef\n- Secret: secret123...key\n", "line 4: the secret of 'main' is shortened")]
    [InlineData("## Binance Accounts\n### a\n- API Key: k0123456789abcdef\n- Secret: s0123456789abcdef\n### A\n- API Key: k0123456789abcdef\n- Secret: s0123456789abcdef\n", "listed twice")]
    [InlineData("## Binance Accounts\n- API Key: k0123456789abcdef\n", "before any '### <name>' heading")]
    public void Refuses_what_it_cannot_import_naming_the_line_never_the_value(string text, string expected)
    {
        var error = Assert.Throws<AccountConfigException>(() => ToolsMarkdown.Parse(text, "TOOLS.md"));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("s0123456789abcdef", error.Message);
        Assert.DoesNotContain("k0123456789abcdef", error.Message);
        Assert.DoesNotContain("secret123", error.Message);
    }
}
