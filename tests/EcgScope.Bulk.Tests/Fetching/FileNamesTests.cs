using EcgScope.Bulk.Fetching;

namespace EcgScope.Bulk.Tests.Fetching;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("http://h/data/100.hea", "100.hea")]
    [InlineData("http://h/data/a%20b.dat?x=1#y", "a b.dat")]
    [InlineData("http://h/a/../../etc/passwd", "passwd")]
    [InlineData("http://h/a/..%2F..%2Fescape.dat", "__.._escape.dat")]
    [InlineData("http://h/a/%2e%2e", "download")]
    [InlineData("http://h/", "download")]
    [InlineData("http://h/dir/", "download")]
    [InlineData("http://h/.hidden", "_hidden")]
    [InlineData("http://h/CON.txt", "_CON.txt")]
    [InlineData("http://h/a%5Cb%3Ac%00.dat", "a_b_c_.dat")]
    public void A_url_becomes_a_name_that_stays_in_the_folder(string url, string expected)
    {
        var name = FileNames.Assign([new Uri(url)], new Dictionary<string, string>())[0];

        Assert.Equal(expected, name);
        Assert.Equal(Path.Combine("/out", name), Path.GetFullPath(Path.Combine("/out", name)));
    }

    [Fact]
    public void Equal_names_are_numbered_case_insensitively_and_earlier_names_are_kept()
    {
        Uri[] urls = [new("http://h/x/a.dat"), new("http://h/y/A.dat"), new("http://h/z/a.dat"), new("http://h/w/a.dat")];
        var reserved = new Dictionary<string, string> { ["http://h/w/a.dat"] = "a.dat" };

        var names = FileNames.Assign(urls, reserved);

        Assert.Equal(["a-2.dat", "A-3.dat", "a-4.dat", "a.dat"], names);
    }

    [Fact]
    public void A_long_name_is_cut_and_keeps_its_extension()
    {
        var name = FileNames.Sanitise(new string('x', 400) + ".hea");

        Assert.Equal(150, name.Length);
        Assert.EndsWith("x.hea", name, StringComparison.Ordinal);
    }
}
