using EcgScope.Formats.Mat;
using EcgScope.Formats.Wfdb;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Mat;

/// <summary>The CinC 2017 training set: MAT v4 files named by WFDB headers ("A00001.mat 16+24 1000/mV ...").</summary>
public sealed class CinC2017Tests
{
    [Fact]
    public void Every_100th_record_reads_the_same_through_its_header_and_its_mat_file()
    {
        var folder = TestData.File("cinc2017", "training2017");
        var names = File.ReadAllLines(Path.Combine(folder, "RECORDS")).Where(n => n.Length > 0).ToList();
        Assert.Equal(8528, names.Count);

        for (var i = 0; i < names.Count; i += 100)
        {
            var headerPath = Path.Combine(folder, names[i] + ".hea");
            var header = WfdbHeaderParser.Parse(headerPath);
            var viaHeader = EcgFile.Read(headerPath);
            var viaMat = EcgFile.Read(Path.Combine(folder, names[i] + ".mat"));

            Assert.Equal(header.SampleCount, viaHeader.SampleCount);
            Assert.Equal(300, viaHeader.SamplingRate.Hertz);
            Assert.Equal(["ECG"], viaHeader.LeadNames);
            Assert.Equal(viaHeader.Leads[0].SamplesMillivolts, viaMat.Leads[0].SamplesMillivolts);
            Assert.Equal(viaHeader.StartTime, viaMat.StartTime);
            Assert.Equal(viaHeader.Metadata.Properties, viaMat.Metadata.Properties);
            // CinC writes 0 in every checksum field, which is not the samples' sum: nothing could be verified.
            Assert.Equal("0 of 1 verified", viaHeader.Metadata.Properties[WfdbReader.ChecksumsProperty]);
        }
    }

    [Fact]
    public void A00001_matches_its_raw_int16_matrix_and_header()
    {
        var folder = TestData.File("cinc2017", "training2017");
        var matrix = Assert.Single(MatV4Reader.Read(Path.Combine(folder, "A00001.mat")));
        var record = EcgFile.Read(Path.Combine(folder, "A00001.hea"));

        Assert.Equal("val", matrix.Name);
        Assert.Equal(MatV4DataType.Signed16Bit, matrix.DataType);
        Assert.Equal((1, 9000), (matrix.Rows, matrix.Columns));
        // The header line is "A00001.mat 16+24 1000/mV 16 0 -127 0 0 ECG": initial value -127, gain 1000/mV.
        Assert.Equal(-127, matrix[0, 0]);
        Assert.Equal(-0.127, record.Leads[0].SamplesMillivolts[0]);
        Assert.Equal(matrix[0, 8999] / 1000, record.Leads[0].SamplesMillivolts[8999]);
        Assert.Equal(new DateTimeOffset(2000, 5, 1, 5, 5, 15, TimeSpan.Zero), record.StartTime);
    }

    [Fact]
    public void Records_whose_initial_value_differs_from_the_first_sample_are_kept()
    {
        var folder = TestData.File("cinc2017", "training2017");
        var mismatched = 0;
        foreach (var headerPath in Directory.GetFiles(folder, "A000*.hea"))
        {
            var header = WfdbHeaderParser.Parse(headerPath);
            var matrix = MatV4Reader.Read(Path.ChangeExtension(headerPath, ".mat"))[0];
            if (matrix[0, 0] == header.Signals[0].InitialValue)
            {
                continue;
            }

            mismatched++;
            var record = EcgFile.Read(headerPath);
            Assert.Equal(matrix[0, 0] / 1000, record.Leads[0].SamplesMillivolts[0]);
        }

        // Of the 565 such records in the whole set, some fall among A00001 to A00999.
        Assert.True(mismatched > 0);
    }

    [Fact]
    public void A_mat_file_without_header_needs_a_rate_and_takes_values_in_the_given_unit()
    {
        var folder = TestData.TempFolder();
        var mat = Path.Combine(folder, "A00001.mat");
        File.Copy(TestData.File("cinc2017", "training2017", "A00001.mat"), mat);

        var error = Assert.Throws<EcgScope.Core.EcgFormatException>(() => EcgFile.Read(mat));
        var record = EcgFile.Read(mat, new EcgReadOptions { SamplingRate = new(300), Unit = "uV" });

        Assert.Contains("sampling rate", error.Message, StringComparison.Ordinal);
        Assert.Equal("MATLAB v4", record.Metadata.SourceFormat);
        Assert.Equal(["val"], record.LeadNames);
        Assert.Equal(-0.127, record.Leads[0].SamplesMillivolts[0], 12);
    }
}
