using TestData = EcgScope.Testing.TestData;

namespace EcgScope.Formats.Tests;

/// <summary>What <see cref="EcgFile"/> says about paths that are not readable files.</summary>
public sealed class EcgFileTests
{
    [Fact]
    public void A_folder_is_reported_as_a_folder_not_as_a_missing_file()
    {
        var folder = TestData.TempFolder();

        var error = Assert.Throws<FileNotFoundException>(() => EcgFile.Read(folder));

        Assert.Contains("is a folder, not a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        var path = Path.Combine(TestData.TempFolder(), "absent.csv");

        var error = Assert.Throws<FileNotFoundException>(() => EcgFile.Read(path));

        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
    }
}
