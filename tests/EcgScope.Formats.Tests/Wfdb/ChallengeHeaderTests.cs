using System.Globalization;
using System.Text;
using EcgScope.Formats.Tests.Mat;
using EcgScope.Formats.Wfdb;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>
/// Records shaped like the PhysioNet/CinC Challenge 2020/2021 data (Georgia, CPSC 2018, Chapman-Shaoxing, Ningbo):
/// a MATLAB v4 <c>.mat</c> holding a 12 x N int16 matrix "val", a header whose record line puts the date first with a
/// month name, signal lines <c>E00001.mat 16+24 1000/mV ...</c>, and <c>#Age:</c>/<c>#Sex:</c>/<c>#Dx:</c> comments.
/// </summary>
public sealed class ChallengeHeaderTests
{
    private static readonly string[] LeadNames = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    private static readonly string[] Comments = ["Age: 74", "Sex: Male", "Dx: 426783006,164865005", "Rx: Unknown", "Hx: Unknown", "Sx: Unknown"];

    [Fact]
    public void A_challenge_record_reads_through_its_header_and_its_mat_file_with_the_matrix_values()
    {
        var (folder, matrix) = WriteChallengeRecord("E00001", "05-May-2020 14:50:55", columns: 500);

        var viaHeader = EcgFile.Read(Path.Combine(folder, "E00001.hea"));
        var viaMat = EcgFile.Read(Path.Combine(folder, "E00001.mat"));

        Assert.Equal(LeadNames, viaHeader.LeadNames);
        Assert.Equal(500, viaHeader.SamplingRate.Hertz);
        Assert.Equal(500, viaHeader.SampleCount);
        Assert.Equal(new DateTimeOffset(2020, 5, 5, 14, 50, 55, TimeSpan.Zero), viaHeader.StartTime);
        Assert.Equal(Comments, viaHeader.Metadata.Comments);
        Assert.Equal("12 of 12 verified", viaHeader.Metadata.Properties[WfdbReader.ChecksumsProperty]);
        Assert.False(viaHeader.Metadata.Properties.ContainsKey(WfdbReader.StartTimeNoteProperty));
        for (var lead = 0; lead < LeadNames.Length; lead++)
        {
            var expected = Enumerable.Range(0, 500).Select(column => matrix[lead, column] / 1000.0);
            Assert.Equal(expected, viaHeader.Leads[lead].SamplesMillivolts);
            Assert.Equal(expected, viaMat.Leads[lead].SamplesMillivolts);
        }

        Assert.Equal(viaHeader.StartTime, viaMat.StartTime);
        Assert.Equal(viaHeader.Metadata.Comments, viaMat.Metadata.Comments);
    }

    [Theory]
    [InlineData("05-May-2020 14:50:55", 2020, 5, 5, 14, 50, 55)]
    [InlineData("5-may-2020 14:50:55", 2020, 5, 5, 14, 50, 55)]
    [InlineData("14:50:55 05-May-2020", 2020, 5, 5, 14, 50, 55)]
    [InlineData("14:50:55 5/5/2020", 2020, 5, 5, 14, 50, 55)]
    [InlineData("29/02/2020 7:05:09", 2020, 2, 29, 7, 5, 9)]
    [InlineData("03-September-2019 50:09", 2019, 9, 3, 0, 50, 9)]
    public void Base_time_and_date_are_read_in_either_order_and_either_date_form(
        string startFields, int year, int month, int day, int hour, int minute, int second)
    {
        var header = WfdbHeaderParser.Parse($"r 1 500 10 {startFields}\nr.mat 16+24 1000/mV\n", "r.hea");

        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero), header.StartTime);
        Assert.Null(header.StartFieldsNote);
    }

    [Theory]
    [InlineData("10:00:00 31/02/2020", "'31/02/2020'", "10:00:00")]
    [InlineData("05-Mai-2020 14:50:55", "'05-Mai-2020'", "14:50:55")]
    [InlineData("25:00:00 05/05/2020", "'25:00:00'", null)]
    [InlineData("14:50:55 05/05/2020 GMT", "'GMT'", null)]
    [InlineData("noon yesterday", "'noon', 'yesterday'", null)]
    public void A_base_time_or_date_that_cannot_be_parsed_keeps_the_record_and_says_so(string startFields, string named, string? keptTime)
    {
        var (folder, matrix) = WriteChallengeRecord("E00002", startFields, columns: 20);

        var record = EcgFile.Read(Path.Combine(folder, "E00002.hea"));

        Assert.Null(record.StartTime);
        var note = record.Metadata.Properties[WfdbReader.StartTimeNoteProperty];
        Assert.Contains(named, note, StringComparison.Ordinal);
        Assert.Contains("the start time is unknown", note, StringComparison.Ordinal);
        Assert.Equal(keptTime, record.Metadata.Properties.GetValueOrDefault("WFDB base time"));
        Assert.Equal(matrix[11, 19] / 1000.0, record.Leads[11].SamplesMillivolts[19]);
    }

    // Writes name.mat (12 x columns int16 "val", seeded values) and name.hea as the Challenge data write them.
    private static (string Folder, int[,] Matrix) WriteChallengeRecord(string name, string startFields, int columns)
    {
        var random = new Random(2020);
        var matrix = new int[LeadNames.Length, columns];
        var columnMajor = new double[LeadNames.Length * columns];
        for (var column = 0; column < columns; column++)
        {
            for (var lead = 0; lead < LeadNames.Length; lead++)
            {
                matrix[lead, column] = random.Next(short.MinValue + 1, short.MaxValue + 1);
                columnMajor[(column * LeadNames.Length) + lead] = matrix[lead, column];
            }
        }

        var folder = TestData.TempFolder();
        File.WriteAllBytes(Path.Combine(folder, name + ".mat"), MatFiles.Matrix(false, 3, "val", LeadNames.Length, columns, columnMajor));
        var header = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{name} 12 500 {columns} {startFields}\n"));
        for (var lead = 0; lead < LeadNames.Length; lead++)
        {
            var samples = Enumerable.Range(0, columns).Select(column => matrix[lead, column]).ToArray();
            header.Append(CultureInfo.InvariantCulture,
                $"{name}.mat 16+24 1000/mV 16 0 {samples[0]} {WfdbFiles.Checksum(samples)} 0 {LeadNames[lead]}\n");
        }

        foreach (var comment in Comments)
        {
            header.Append('#').Append(comment).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, name + ".hea"), header.ToString());
        return (folder, matrix);
    }
}
