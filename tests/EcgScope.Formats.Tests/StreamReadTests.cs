using System.Globalization;
using System.IO.Compression;
using System.Text;
using EcgScope.Core;
using EcgScope.Formats.Kardia;
using EcgScope.Formats.Tests.Edf;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests;

/// <summary>
/// Reading from a stream (an upload, an archive entry) gives the record reading the file gives: every format, read
/// from a stream that cannot seek and returns short reads, named in errors by the name given.
/// </summary>
public sealed class StreamReadTests
{
    private readonly string folder = TestData.TempFolder();

    [Theory]
    [InlineData("apple-health", "ecg_2024-08-19.csv")]
    [InlineData("apple-health", "ecg_2024-09-03.csv")]
    [InlineData("alivecor", "1_lead.atc")]
    [InlineData("alivecor", "6_lead_ab.atc")]
    [InlineData("withings", "signal.csv")]
    public void A_data_file_read_from_a_stream_equals_the_file_read(string dataset, string name)
    {
        var path = TestData.File(dataset, name);

        AssertStreamReadEqualsPathRead(path, name, EcgReadOptions.Default);
    }

    [Fact]
    public void A_MATLAB_file_without_its_header_read_from_a_stream_equals_the_file_read()
    {
        var path = Path.Combine(folder, "A00001.mat"); // copied away from its header, which would give the rate
        File.Copy(TestData.File("cinc2017", "training2017", "A00001.mat"), path);

        AssertStreamReadEqualsPathRead(path, "A00001.mat", new EcgReadOptions { SamplingRate = new SamplingRate(300) });
    }

    [Fact]
    public void An_EDF_plus_file_with_annotations_read_from_a_stream_equals_the_file_read()
    {
        var file = new EdfTestFile(
            [new EdfTestSignal("ECG I", 250), new EdfTestSignal("ECG II", 250), new EdfTestSignal("EDF Annotations", 60) { Annotations = r => EdfTestFile.Tal(r) + EdfTestFile.Tal(r + 0.5, "beat") }],
            Records: 30);
        var path = file.WriteTo(folder);

        var record = AssertStreamReadEqualsPathRead(path, "upload.edf", EcgReadOptions.Default);

        Assert.Equal(30, record.Annotations.Length);
    }

    [Fact]
    public void A_CSV_file_read_from_a_stream_equals_the_file_read()
    {
        // Two leads of MIT-BIH record 100 with a time column, as a spreadsheet export would hold them.
        var mitdb = EcgFile.Read(TestData.File("mitdb", "100.hea"));
        var text = new StringBuilder("time (s);MLII (mV);V5 (mV)\n");
        for (var i = 0; i < 3600; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i / 360.0:0.######};{mitdb.Leads[0].Span[i]:0.###};{mitdb.Leads[1].Span[i]:0.###}\n");
        }

        var path = Path.Combine(folder, "mitdb-100.csv");
        File.WriteAllText(path, text.ToString());

        var record = AssertStreamReadEqualsPathRead(path, "mitdb-100.csv", EcgReadOptions.Default);

        Assert.Equal(360, record.SamplingRate.Hertz, 3);
    }

    [Fact]
    public void A_WFDB_record_read_from_a_zip_archive_equals_the_files_read()
    {
        var header = TestData.File("mitdb", "100.hea");
        using var zip = Zip(("mitdb/100.hea", header), ("mitdb/100.dat", TestData.File("mitdb", "100.dat")), ("mitdb/100.atr", TestData.File("mitdb", "100.atr")));

        var record = EcgFile.Read(RecordFileSet.FromZip(zip).Open("mitdb/100.hea"));

        RecordAssert.Equal(EcgFile.Read(header), record);
        Assert.True(record.Annotations.Count(a => a.IsBeat) > 2000);
    }

    [Fact]
    public void A_WFDB_record_read_from_uploaded_streams_equals_the_files_read_with_a_lead_annotator()
    {
        var data = TestData.Require("ludb");
        var uploads = new[] { "1.hea", "1.dat", "1.ii" }
            .ToDictionary(name => name, name => (Stream)new NonSeekableStream(File.ReadAllBytes(Path.Combine(data, "data", name))));
        var options = new EcgReadOptions { AnnotationExtension = "ii" };

        var record = EcgFile.Read(RecordFileSet.FromStreams(uploads).Open("1.hea"), options);

        RecordAssert.Equal(EcgFile.Read(Path.Combine(data, "data", "1.hea"), options), record);
        Assert.All(record.Annotations, annotation => Assert.Equal(1, annotation.Channel));
        Assert.NotEmpty(record.Annotations);
    }

    [Fact]
    public void A_MATLAB_file_read_with_its_header_from_a_zip_equals_the_files_read()
    {
        var data = TestData.File("cinc2017", "training2017");
        using var zip = Zip(("A00001.mat", Path.Combine(data, "A00001.mat")), ("A00001.hea", Path.Combine(data, "A00001.hea")));

        var record = EcgFile.Read(RecordFileSet.FromZip(zip).Open("A00001.mat"));

        RecordAssert.Equal(EcgFile.Read(Path.Combine(data, "A00001.mat")), record);
        Assert.Equal(300, record.SamplingRate.Hertz);
    }

    [Fact]
    public void A_WFDB_signal_file_of_a_set_is_read_through_its_header()
    {
        using var zip = Zip(("100.hea", TestData.File("mitdb", "100.hea")), ("100.dat", TestData.File("mitdb", "100.dat")));
        var files = RecordFileSet.FromZip(zip);

        Assert.Equal("WFDB", EcgFile.BuiltIn.Detect(files.Open("100.dat")).FormatName);
        RecordAssert.Equal(EcgFile.Read(files.Open("100.hea")), EcgFile.Read(files.Open("100.dat")));
        Assert.Throws<FileNotFoundException>(() => files.Open("100.atr"));
    }

    [Fact]
    public void A_reader_with_only_path_members_reads_file_sources_and_refuses_streams()
    {
        var path = TestData.File("alivecor", "1_lead.atc");
        IEcgFormatReader reader = new PathOnlyReader();

        Assert.Equal(EcgFile.Read(path).SampleCount, reader.Read(EcgSource.FromFile(path), EcgReadOptions.Default).SampleCount);
        Assert.True(reader.CanRead(EcgSource.FromStream(new MemoryStream([1]), "x.atc"), "ALIVE\0\0\0"u8));
        var error = Assert.Throws<NotSupportedException>(() => reader.Read(EcgSource.FromStream(new MemoryStream([1]), "x.atc"), EcgReadOptions.Default));
        Assert.Equal("the path-only reader reads files only, not a stream such as 'x.atc'.", error.Message);
    }

    [Fact]
    public void A_header_whose_signal_file_is_missing_names_it()
    {
        using var zip = Zip(("mitdb/100.hea", TestData.File("mitdb", "100.hea")), ("mitdb/100.atr", TestData.File("mitdb", "100.atr")));

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(RecordFileSet.FromZip(zip).Open("mitdb/100.hea")));

        Assert.Equal("mitdb/100.hea", error.Source);
        Assert.Contains("signal file '100.dat' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_read_alone_from_a_stream_names_its_missing_signal_file()
    {
        using var stream = new NonSeekableStream(File.ReadAllBytes(TestData.File("mitdb", "100.hea")));

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(stream, "100.hea"));

        Assert.Equal("100.hea: signal file '100.dat' does not exist", error.Message);
    }

    [Fact]
    public void Errors_name_the_stream_with_the_byte_offset_or_line()
    {
        var edf = new EdfTestFile([new EdfTestSignal("ECG", 100)], 10).Build();
        var cutEdf = Assert.Throws<EcgFormatException>(() => EcgFile.Read(new NonSeekableStream(edf[..^50]), "upload.edf"));
        var badCsv = Assert.Throws<EcgFormatException>(() => EcgFile.Read(new NonSeekableStream("time,I\n0,1\n0.004,x\n"u8.ToArray()), "upload.csv"));
        var unknown = Assert.Throws<EcgFormatException>(() => EcgFile.Read(new NonSeekableStream([1, 2, 3]), "upload.bin"));

        Assert.Equal("upload.edf", cutEdf.Source);
        Assert.Equal(256L + 256 + (9 * 200), cutEdf.ByteOffset);
        Assert.StartsWith("upload.edf, byte 2312: data record 10 of 10 is cut off", cutEdf.Message, StringComparison.Ordinal);
        Assert.Equal("upload.csv, line 3: column 2 ('I'): 'x' is not a number.", badCsv.Message);
        Assert.StartsWith("upload.bin: not a supported ECG format (tried: WFDB,", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_over_the_size_limit_is_refused_clearly()
    {
        var atc = File.ReadAllBytes(TestData.File("alivecor", "1_lead.atc"));

        var unseekable = Assert.Throws<EcgFormatException>(() => EcgSource.FromStream(new NonSeekableStream(atc), "upload.atc", maxBytes: 10_000));
        var seekable = Assert.Throws<EcgFormatException>(() => EcgSource.FromStream(new MemoryStream(atc), "upload.atc", maxBytes: 10_000));
        using var zip = Zip(("1_lead.atc", TestData.File("alivecor", "1_lead.atc")));
        var entry = Assert.Throws<EcgFormatException>(() => EcgFile.Read(RecordFileSet.FromZip(zip, maxBytes: 10_000).Open("1_lead.atc")));

        Assert.True(atc.Length > 10_000);
        Assert.StartsWith("upload.atc, byte 10000: the stream holds more than 10000 bytes (0 MiB), the most read", unseekable.Message, StringComparison.Ordinal);
        Assert.Equal(unseekable.Message, seekable.Message);
        Assert.Equal("1_lead.atc", entry.Source);
        Assert.Equal(EcgFile.Read(new NonSeekableStream(atc), "upload.atc").SampleCount, EcgFile.Read(TestData.File("alivecor", "1_lead.atc")).SampleCount);
    }

    [Fact]
    public void A_stream_is_read_from_its_position_and_left_open()
    {
        var atc = File.ReadAllBytes(TestData.File("alivecor", "1_lead.atc"));
        using var stream = new MemoryStream([0xFF, 0xFF, .. atc]);
        stream.Position = 2;

        var record = EcgFile.Read(stream, "1_lead.atc");

        RecordAssert.Equal(EcgFile.Read(TestData.File("alivecor", "1_lead.atc")), record);
        Assert.True(stream.CanRead);
    }

    private static EcgRecord AssertStreamReadEqualsPathRead(string path, string name, EcgReadOptions options)
    {
        var expected = EcgFile.Read(path, options);
        using var stream = new NonSeekableStream(File.ReadAllBytes(path));

        var record = EcgFile.Read(stream, name, options);

        RecordAssert.Equal(expected, record);
        Assert.Equal(EcgFile.Detect(path), EcgFile.BuiltIn.Detect(EcgSource.FromStream(new NonSeekableStream(File.ReadAllBytes(path)), name)));
        return record;
    }

    /// <summary>A reader written before sources existed: path members only.</summary>
    private sealed class PathOnlyReader : IEcgFormatReader
    {
        public string FormatName => "path-only";

        public bool CanRead(string path, ReadOnlySpan<byte> head) => head.StartsWith("ALIVE"u8) && path.EndsWith(".atc", StringComparison.Ordinal);

        public EcgRecord Read(string path, EcgReadOptions options) => new KardiaReader().Read(path, options);
    }

    private static ZipArchive Zip(params (string Name, string Path)[] files)
    {
        var archive = new MemoryStream();
        using (var writer = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, path) in files)
            {
                writer.CreateEntryFromFile(path, name);
            }
        }

        archive.Position = 0;
        return new ZipArchive(archive, ZipArchiveMode.Read);
    }
}
