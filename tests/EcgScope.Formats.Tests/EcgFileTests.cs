using EcgScope.Core;
using TestData = EcgScope.Testing.TestData;

namespace EcgScope.Formats.Tests;

/// <summary>What <see cref="EcgFile"/> and <see cref="EcgFileReader"/> say about files, and how readers are added.</summary>
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

    [Fact]
    public void Unsupported_file_names_the_formats_tried()
    {
        var path = Path.Combine(TestData.TempFolder(), "noise.bin");
        File.WriteAllBytes(path, [0, 1, 2, 3, 255, 254]);

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.Equal("not a supported ECG format (tried: " + string.Join(", ", EcgFile.Readers.Select(reader => reader.FormatName)) + ").", error.Reason);
    }

    [Fact]
    public void A_pdf_read_without_the_pdf_reader_says_which_assembly_reads_pdfs()
    {
        var path = Path.Combine(TestData.TempFolder(), "export.pdf");
        File.WriteAllText(path, "%PDF-1.3\n%%EOF\n");

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.EndsWith("It is a PDF: Apple Health ECG PDFs are read by EcgScope.Formats.Pdf (EcgFile.BuiltIn.With(new AppleEcgPdfReader())).", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Added_readers_are_asked_before_the_built_in_ones_and_the_original_is_unchanged()
    {
        var path = Path.Combine(TestData.TempFolder(), "ecg.csv");
        File.WriteAllText(path, "time,I\n0,1\n0.004,2\n0.008,3\n");
        var claimsAll = new ClaimsEverything();

        var files = EcgFile.BuiltIn.With(claimsAll);

        Assert.Same(claimsAll, files.Detect(path));
        Assert.Equal([claimsAll, .. EcgFile.Readers], files.Readers);
        Assert.Equal("CSV", EcgFile.Detect(path).FormatName);
    }

    /// <summary>A reader that claims every file and reads none: only its place in the order matters.</summary>
    private sealed class ClaimsEverything : IEcgFormatReader
    {
        public string FormatName => "everything";

        public bool CanRead(string path, ReadOnlySpan<byte> head) => true;

        public EcgRecord Read(string path, EcgReadOptions options) => throw new NotSupportedException();
    }
}
