using EcgScope.Bulk.Fetching;

namespace EcgScope.Bulk.Tests.Fetching;

public sealed class SasTokenTests
{
    [Theory]
    [InlineData("https://acct.blob.core.windows.net/c/100.hea", "sv=1&sig=a%2Bb", "https://acct.blob.core.windows.net/c/100.hea?sv=1&sig=a%2Bb")]
    [InlineData("https://h/c/100.hea", "?sv=1&sig=a%2Bb", "https://h/c/100.hea?sv=1&sig=a%2Bb")]
    [InlineData("https://h/c/100.hea?v=2", "?sv=1&sig=a%2Bb", "https://h/c/100.hea?v=2&sv=1&sig=a%2Bb")]
    [InlineData("https://h/c/100.hea?v=2&", "sv=1&sig=a%2Bb&", "https://h/c/100.hea?v=2&sv=1&sig=a%2Bb")]
    [InlineData("https://h/c/a%20b.hea?q=x%26y#frag", "sv=1&sig=a%2Bb", "https://h/c/a%20b.hea?q=x%26y&sv=1&sig=a%2Bb")]
    [InlineData("https://h:8443/c/100.hea?", "sig=zz", "https://h:8443/c/100.hea?sig=zz")]
    public void The_token_joins_the_query_the_url_already_has(string url, string token, string expected)
    {
        Assert.Equal(expected, new SasToken(token).AppendTo(new Uri(url)).AbsoluteUri);
    }

    [Fact]
    public void Redact_masks_the_token_and_its_values_escaped_or_not()
    {
        var token = new SasToken("?sv=2026-01-01&sig=c2VjcmV0%2Bc2ln");

        var text = token.Redact("GET /a?sv=2026-01-01&sig=c2VjcmV0%2Bc2ln failed; sig c2VjcmV0+c2ln");

        Assert.Equal("GET /a?*** failed; sig ***", text);
        Assert.Equal("***", token.ToString());
        Assert.DoesNotContain("c2VjcmV0", new FetchOptions { OutputDirectory = "x", Token = token }.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("sig=a b")]
    [InlineData("sig=ab#c")]
    public void A_token_that_cannot_be_a_query_is_refused_without_echoing_it(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => new SasToken(token));

        Assert.True(token.Length < 3 || !error.Message.Contains(token, StringComparison.Ordinal));
    }
}
