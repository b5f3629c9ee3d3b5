using EcgScope.Bulk.Fetching;
using EcgScope.Core;
using EcgScope.Testing;

namespace EcgScope.Bulk.Tests.Fetching;

public sealed class ManifestAndListTests
{
    [Fact]
    public void A_line_cut_short_by_a_crash_is_ignored_and_the_latest_line_per_url_wins()
    {
        var folder = TestData.TempFolder();
        File.WriteAllBytes(Path.Combine(folder, "a.dat"), [1, 2, 3]);
        File.WriteAllLines(Path.Combine(folder, FetchManifest.FileName),
        [
            """{"url":"http://h/a.dat","file":"a.dat","bytes":0,"sha256":null,"status":"failed","error":"HTTP 500","verifiedBy":"none"}""",
            """{"url":"http://h/a.dat","file":"a.dat","bytes":3,"sha256":"00","status":"done","error":null,"verifiedBy":"length"}""",
            """{"url":"http://h/b.dat","file":"b.dat","bytes":3,"sha256":"00","status":"done","error":null,"verifiedBy":"length"}""",
            """{"url":"http://h/c.dat","file":"c.d""",
        ]);

        var manifest = FetchManifest.Open(folder);

        Assert.NotNull(manifest.CompleteEntry("http://h/a.dat", folder));
        Assert.Null(manifest.CompleteEntry("http://h/b.dat", folder)); // listed, but its file is gone
        Assert.Null(manifest.CompleteEntry("http://h/c.dat", folder));
        manifest.Compact();
        Assert.Equal(2, File.ReadAllLines(manifest.Path).Length);
    }

    [Fact]
    public void Seeded_damage_to_a_manifest_never_breaks_opening_it_and_never_names_a_file_outside_the_folder()
    {
        var folder = TestData.TempFolder();
        string[] lines =
        [
            """{"url":"http://h/a.dat?v=1&x=2","file":"a.dat","bytes":3,"sha256":"ab","status":"done","error":null,"verifiedBy":"length+md5"}""",
            """{"url":"http://h/b.dat","file":"b.dat","bytes":0,"sha256":null,"status":"failed","error":"HTTP 404 Not Found","verifiedBy":"none"}""",
        ];
        var original = string.Join('\n', lines);
        var random = new Random(1301);
        const string Alphabet = "{}[]\":,./\\0123456789-abcdefnulltrue \n\u0000é";
        for (var i = 0; i < 500; i++)
        {
            var mutant = original.ToCharArray();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                mutant[random.Next(mutant.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            File.WriteAllText(Path.Combine(folder, FetchManifest.FileName), new string(mutant));
            var manifest = FetchManifest.Open(folder);

            Assert.All(manifest.CompleteFiles().Values, file => Assert.Equal(FileNames.Sanitise(file), file));
            Assert.Null(manifest.CompleteEntry("http://h/a.dat?v=1&x=2", folder)); // its file does not exist
            manifest.Compact();
        }
    }

    [Fact]
    public void The_url_list_skips_blanks_comments_and_repeats_and_names_the_line_of_a_bad_url()
    {
        var folder = TestData.TempFolder();
        var list = Path.Combine(folder, "urls.txt");
        File.WriteAllLines(list, ["# CinC 2017", "", "https://h/A00001.mat", "  https://h/A00002.mat  ", "https://h/A00001.mat"]);
        Assert.Equal(["https://h/A00001.mat", "https://h/A00002.mat"], UrlList.Read(list).Select(url => url.OriginalString));

        File.AppendAllLines(list, ["ftp://h/A00003.mat"]);
        var error = Assert.Throws<EcgFormatException>(() => UrlList.Read(list));
        Assert.Equal(6, error.Line);
        Assert.Contains("ftp://h/A00003.mat", error.Message, StringComparison.Ordinal);
    }
}
