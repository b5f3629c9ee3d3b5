using System.Text;
using EcgScope.Core;
using EcgScope.Formats.Mat;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Mat;

/// <summary>Level 4 MAT-files built byte by byte, in both byte orders and every supported element type.</summary>
public sealed class MatV4ReaderTests
{
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    [InlineData(false, 3)]
    [InlineData(true, 3)]
    [InlineData(false, 4)]
    [InlineData(false, 5)]
    public void Every_element_type_and_byte_order_reads_column_major(bool bigEndian, int precision)
    {
        // 2 x 3: rows (1 2 3) and (4 5 6), stored column by column.
        var data = MatFiles.Matrix(bigEndian, precision, "val", 2, 3, [1, 4, 2, 5, 3, 6]);

        var matrix = Assert.Single(MatV4Reader.Read(data, "m.mat"));

        Assert.Equal(("val", 2, 3, (MatV4DataType)precision), (matrix.Name, matrix.Rows, matrix.Columns, matrix.DataType));
        Assert.Equal([1.0, 2.0, 3.0], Enumerable.Range(0, 3).Select(c => matrix[0, c]));
        Assert.Equal([4.0, 5.0, 6.0], Enumerable.Range(0, 3).Select(c => matrix[1, c]));
    }

    [Fact]
    public void Infinite_values_of_a_mat_file_without_header_become_missing_samples()
    {
        var path = Path.Combine(TestData.TempFolder(), "inf.mat");
        File.WriteAllBytes(path, MatFiles.Matrix(false, 0, "val", 1, 5, [1, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 2]));

        var record = EcgFile.Read(path, new EcgReadOptions { SamplingRate = new(250) });

        Assert.Equal([1, double.NaN, double.NaN, double.NaN, 2], record.Leads[0].SamplesMillivolts);
    }

    [Fact]
    public void Several_matrices_are_read_and_the_reader_takes_val()
    {
        var folder = TestData.TempFolder();
        var path = Path.Combine(folder, "two.mat");
        File.WriteAllBytes(path, [.. MatFiles.Matrix(false, 0, "info", 1, 1, [42]), .. MatFiles.Matrix(false, 3, "val", 2, 2, [10, 20, 30, 40])]);

        var record = EcgFile.Read(path, new EcgReadOptions { SamplingRate = new(250) });

        Assert.Equal(2, MatV4Reader.Read(path).Length);
        Assert.Equal(["val 1", "val 2"], record.LeadNames);
        Assert.Equal([10.0, 30.0], record.Leads[0].SamplesMillivolts);
    }

    [Fact]
    public void A_MATLAB_5_file_gets_a_clear_error()
    {
        var folder = TestData.TempFolder();
        var path = Path.Combine(folder, "v5.mat");
        var header = "MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: Mon Nov 23 2026".PadRight(116);
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(header), .. new byte[12]]);

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.Contains("MATLAB 5 or later", error.Message, StringComparison.Ordinal);
        Assert.Contains("Level 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, "needs 12 bytes of data")]
    [InlineData(21, "name is cut off")]
    [InlineData(10, "header is cut off")]
    public void Truncated_files_name_the_byte(int keep, string reason)
    {
        var data = MatFiles.Matrix(false, 3, "val", 2, 3, [1, 2, 3, 4, 5, 6]).AsSpan(0, keep).ToArray();

        var error = Assert.Throws<EcgFormatException>(() => MatV4Reader.Read(data, "cut.mat"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.ByteOffset);
    }

    [Fact]
    public void Header_and_matrix_must_agree_on_the_shape()
    {
        var folder = TestData.TempFolder();
        File.WriteAllBytes(Path.Combine(folder, "r.mat"), MatFiles.Matrix(false, 3, "val", 1, 4, [1, 2, 3, 4]));
        File.WriteAllText(Path.Combine(folder, "r.hea"), "r 2 100 4\nr.mat 16+24 1000/mV\nr.mat 16+24 1000/mV\n");

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(Path.Combine(folder, "r.mat")));

        Assert.Contains("is 1 x 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_double_matrix_with_fractions_is_not_taken_as_ADC_values_of_a_header()
    {
        var folder = TestData.TempFolder();
        File.WriteAllBytes(Path.Combine(folder, "r.mat"), MatFiles.Matrix(false, 0, "val", 1, 2, [1, 2.5]));
        File.WriteAllText(Path.Combine(folder, "r.hea"), "r 1 100 2\nr.mat 64+24 1000/mV\n");

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(Path.Combine(folder, "r.mat")));

        Assert.Contains("2.5 (row 1, column 2) is not an integer", error.Message, StringComparison.Ordinal);
    }
}
