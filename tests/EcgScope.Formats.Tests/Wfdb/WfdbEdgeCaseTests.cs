using EcgScope.Core;
using EcgScope.Formats.Wfdb;
using static EcgScope.Formats.Tests.Wfdb.WfdbFiles;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>Generated records covering the corners of header(5) and signal(5).</summary>
public sealed class WfdbEdgeCaseTests
{
    [Fact]
    public void Three_signals_interleaved_in_one_format_16_file_are_separated_and_calibrated()
    {
        // Frames: (100, -50, 7), (200, -100, 8).
        var path = Record(
            "rec 3 500 2 10:11:12 03/04/2021\n" +
            "rec.dat 16 100(0)/mV 16 0 100 300 0 I\n" +
            "rec.dat 16 50(-50)/mV 16 0 -50 -150 0 II\n" +
            "rec.dat 16 1/uV 16 0 7 15 0 V1 lead\n",
            ("rec.dat", Int16LittleEndian(100, -50, 7, 200, -100, 8)));

        var record = EcgFile.Read(path);

        Assert.Equal(["I", "II", "V1 lead"], record.LeadNames);
        Assert.Equal([1.0, 2.0], record.Leads[0].SamplesMillivolts);
        Assert.Equal([0.0, -1.0], record.Leads[1].SamplesMillivolts);
        Assert.Equal([0.007, 0.008], record.Leads[2].SamplesMillivolts);
        Assert.Equal(new DateTimeOffset(2021, 4, 3, 10, 11, 12, TimeSpan.Zero), record.StartTime);
        Assert.Equal("3 of 3 verified", record.Metadata.Properties[WfdbReader.ChecksumsProperty]);
    }

    [Fact]
    public void Signals_in_separate_files_of_different_formats_are_read_each_from_its_file()
    {
        var path = Record(
            "rec 3 360 3\n" +
            "a.dat 212 200(1024) 11 1024 1224 0\n" +
            "b.dat 80 10/V\n" +
            "c.dat 61 1000\n",
            ("a.dat", Format212(1224, 824, 1024)),
            ("b.dat", [128 + 10, 128 - 20, 128]),
            ("c.dat", [0x01, 0x02, 0xFE, 0xFE, 0x00, 0x00]));

        var record = EcgFile.Read(path);

        Assert.Equal([1.0, -1.0, 0.0], record.Leads[0].SamplesMillivolts);
        Assert.Equal([1000.0, -2000.0, 0.0], record.Leads[1].SamplesMillivolts);
        Assert.Equal([0.258, -0.258, 0.0], record.Leads[2].SamplesMillivolts);
        // Missing descriptions get WFDB-like names; missing checksums are "not given".
        Assert.Equal(["signal 0", "signal 1", "signal 2"], record.LeadNames);
        Assert.Equal("0 of 1 verified, 2 not given", record.Metadata.Properties[WfdbReader.ChecksumsProperty]);
    }

    [Fact]
    public void Missing_gain_means_200_and_the_baseline_defaults_to_the_adc_zero()
    {
        var path = Record("rec 2 100 1\nrec.dat 16\nrec.dat 16 0 12 500\n", ("rec.dat", Int16LittleEndian(400, 600)));

        var record = EcgFile.Read(path);

        Assert.Equal(2.0, record.Leads[0].SamplesMillivolts[0]);
        Assert.Equal(0.5, record.Leads[1].SamplesMillivolts[0]);
    }

    [Theory]
    [InlineData(212)]
    [InlineData(16)]
    [InlineData(80)]
    public void The_invalid_sample_value_of_each_format_reads_as_NaN(int format)
    {
        byte[] data = format switch
        {
            212 => Format212(5, -2048, 6),
            16 => Int16LittleEndian(5, -32768, 6),
            _ => [128 + 5, 0, 128 + 6],
        };
        var path = Record($"rec 1 100 3\nrec.dat {format} 1\n", ("rec.dat", data));

        var samples = EcgFile.Read(path).Leads[0].SamplesMillivolts;

        Assert.Equal([5.0, double.NaN, 6.0], samples);
    }

    [Fact]
    public void A_byte_offset_skips_a_prefix_of_the_file()
    {
        byte[] data = [.. new byte[10], .. Int16LittleEndian(3, 4)];
        var path = Record("rec 1 100 2\nrec.dat 16+10 1\n", ("rec.dat", data));

        Assert.Equal([3.0, 4.0], EcgFile.Read(path).Leads[0].SamplesMillivolts);
    }

    [Fact]
    public void Skew_shifts_a_signal_by_whole_frames()
    {
        // Signal 1 is recorded two frames late: its sample t is in frame t + 2.
        var path = Record("rec 2 100 2\nrec.dat 16 1\nrec.dat 16:2 1\n", ("rec.dat", Int16LittleEndian(1, 0, 2, 0, 3, 30, 4, 40)));

        var record = EcgFile.Read(path);

        Assert.Equal([1.0, 2.0], record.Leads[0].SamplesMillivolts);
        Assert.Equal([30.0, 40.0], record.Leads[1].SamplesMillivolts);
    }

    [Fact]
    public void Several_samples_per_frame_are_averaged_as_getvec_does()
    {
        // Frame layout: two samples of signal 0, then one of signal 1.
        var path = Record("rec 2 100 2\nrec.dat 16x2 1\nrec.dat 16 1\n", ("rec.dat", Int16LittleEndian(1, 3, 10, 5, 6, 20)));

        var record = EcgFile.Read(path);

        Assert.Equal([2.0, 5.5], record.Leads[0].SamplesMillivolts);
        Assert.Equal([10.0, 20.0], record.Leads[1].SamplesMillivolts);
    }

    [Fact]
    public void Format_8_integrates_differences_from_the_initial_value()
    {
        var path = Record("rec 1 100 3\nrec.dat 8 1 8 0 100\n", ("rec.dat", [5, 0xFE, 10]));

        Assert.Equal([105.0, 103.0, 113.0], EcgFile.Read(path).Leads[0].SamplesMillivolts);
    }

    [Fact]
    public void Format_311_unpacks_three_10_bit_samples_per_word()
    {
        // 1 | -1 << 10 | 511 << 20, little-endian.
        var word = 1u | (0x3FFu << 10) | (511u << 20);
        var path = Record("rec 1 100 3\nrec.dat 311 1\n", ("rec.dat", BitConverter.GetBytes(word)));

        Assert.Equal([1.0, -1.0, 511.0], EcgFile.Read(path).Leads[0].SamplesMillivolts);
    }

    [Fact]
    public void Format_310_unpacks_three_10_bit_samples_from_two_byte_pairs()
    {
        // Samples 3, -2 and -300 (10-bit 0x2D4: low 5 bits 0x14 in word 0, high 5 bits 0x16 in word 1).
        var first = (ushort)((3 << 1) | (0x14 << 11));
        var second = (ushort)(((-2 & 0x3FF) << 1) | (0x16 << 11));
        var path = Record("rec 1 100 3\nrec.dat 310 1\n", ("rec.dat", [.. BitConverter.GetBytes(first), .. BitConverter.GetBytes(second)]));

        Assert.Equal([3.0, -2.0, -300.0], EcgFile.Read(path).Leads[0].SamplesMillivolts);
    }

    [Fact]
    public void Without_a_sample_count_the_length_comes_from_the_file()
    {
        var path = Record("rec 2 100\nrec.dat 16 1\nrec.dat 16 1\n", ("rec.dat", Int16LittleEndian(1, 2, 3, 4, 5, 6)));

        Assert.Equal(3, EcgFile.Read(path).SampleCount);
    }

    [Theory]
    [InlineData("rec 1 100 2\nrec.dat 16 abc\n", 2, "ADC gain 'abc'")]
    [InlineData("# comment\nrec x 100 2\n", 2, "number of signals 'x'")]
    [InlineData("rec 1 -5 2\nrec.dat 16\n", 1, "sampling frequency")]
    [InlineData("rec 1 100 2\n\nrec.dat\n", 3, "file name and a format")]
    [InlineData("rec 1 100 2\nrec.dat 16x0\n", 2, "samples per frame")]
    [InlineData("rec 1 100 2\nrec.dat 16 200(1 12\n", 2, "parenthesis")]
    [InlineData("rec 1 100 2\nrec.dat 16 200 12 0 0 99999\n", 2, "checksum")]
    [InlineData("rec 3 100 2\nrec.dat 16\nrec.dat 16\n", 1, "declares 3 signals but only 2")]
    [InlineData("rec 1 100 2\nrec.dat 16\nrec.dat 16\n", 3, "more signal lines")]
    public void Malformed_headers_name_the_file_and_line(string header, int line, string reason)
    {
        var path = Record(header, ("rec.dat", Int16LittleEndian(1, 2)));

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.Equal(path, error.Source);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_signal_beside_a_real_one_is_all_NaN_for_the_record_length()
    {
        var path = Record("rec 2 100 3\n~ 16 200 12 0 0 0 0 blank\nrec.dat 16 1 16 0 1 6 0 II\n", ("rec.dat", Int16LittleEndian(1, 2, 3)));

        var record = EcgFile.Read(path);

        Assert.Equal([double.NaN, double.NaN, double.NaN], record.Leads[0].SamplesMillivolts);
        Assert.Equal([1.0, 2.0, 3.0], record.Leads[1].SamplesMillivolts);
    }

    [Fact]
    public void A_null_signal_cannot_make_the_record_longer_than_its_signal_file()
    {
        // Two billion samples declared, six bytes on disk: the signal file refuses before any null signal is allocated.
        var path = Record("rec 2 100 2000000000\n~ 16 200 12 0 0 0 0 blank\nrec.dat 16 1 16 0 1 6 0 II\n", ("rec.dat", Int16LittleEndian(1, 2, 3)));

        Assert.Contains("truncated", Assert.Throws<EcgFormatException>(() => EcgFile.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_only_null_signals_declaring_billions_of_samples_is_refused_at_its_record_line()
    {
        // The 60-byte header that once allocated 16 GB of NaN.
        var path = Record("# tiny\nn 1 360 2000000000\n~ 16 200 12 0 0 0 0 MLII\n");

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.Equal(2, error.Line);
        Assert.Contains("only null signals", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_header_is_an_error()
    {
        var path = Record("# only a comment\n");

        Assert.Contains("no record line", Assert.Throws<EcgFormatException>(() => EcgFile.Read(path)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 0, 8)]
    [InlineData(4, 0, 8)]
    [InlineData(5, 2, 10)]
    public void Truncated_signal_files_report_the_byte_where_the_first_incomplete_frame_starts(int storedSamples, int byteOffset, long errorOffset)
    {
        // The header asks for 3 frames of 2 signals (12 bytes after the byte offset); whole frames missing are an error too.
        byte[] data = [.. new byte[byteOffset], .. Int16LittleEndian([.. Enumerable.Range(1, storedSamples)])];
        var path = Record($"rec 2 100 3\nrec.dat 16+{byteOffset} 1\nrec.dat 16+{byteOffset} 1\n", ("rec.dat", data));

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.EndsWith("rec.dat", error.Source, StringComparison.Ordinal);
        Assert.Equal(errorOffset, error.ByteOffset);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_checksum_names_the_signal()
    {
        var path = Record(
            $"rec 2 100 2\nrec.dat 16 1 16 0 1 {Checksum(1, 3)} 0 I\nrec.dat 16 1 16 0 2 {Checksum(2, 4) + 1} 0 II\n",
            ("rec.dat", Int16LittleEndian(1, 2, 3, 4)));

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.Contains("signal 1 ('II')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checksums_match_whether_written_signed_or_unsigned()
    {
        var path = Record("rec 2 100 1\nrec.dat 16 1 16 0 -3 -3 0 A\nrec.dat 16 1 16 0 -3 65533 0 B\n", ("rec.dat", Int16LittleEndian(-3, -3)));

        Assert.Equal("2 of 2 verified", EcgFile.Read(path).Metadata.Properties[WfdbReader.ChecksumsProperty]);
    }

    [Theory]
    [InlineData("rec.dat 24 1", "format 24 is not supported")]
    [InlineData("rec.dat 16 1/mmHg", "not a voltage")]
    [InlineData("nothere.dat 16 1", "'nothere.dat' does not exist")]
    public void Unsupported_or_missing_pieces_are_clear_errors(string signalLine, string reason)
    {
        var path = Record($"rec 1 100 2\n{signalLine}\n", ("rec.dat", Int16LittleEndian(1, 2)));

        Assert.Contains(reason, Assert.Throws<EcgFormatException>(() => EcgFile.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_segment_headers_parse_but_reading_them_says_they_are_not_supported()
    {
        var path = Record("multi/2 1 360 300\nseg1 100\n~ 200\n");

        var header = WfdbHeaderParser.Parse(path);

        Assert.Equal([new WfdbSegmentSpec("seg1", 100), new WfdbSegmentSpec("~", 200)], header.Segments);
        Assert.Contains("multi-segment", Assert.Throws<EcgFormatException>(() => EcgFile.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_record_line_parses_counter_frequency_and_base_counter()
    {
        var header = WfdbHeaderParser.Parse("r 1 128/1000(20.5) 0 12:30:45.250\nr.dat 16x4:3+512 150.5(-3)/uV 12 7 8 9 1024 some lead name\n", "r.hea");

        Assert.Equal((128.0, 1000.0, 20.5), (header.SamplingFrequency, header.CounterFrequency!.Value, header.BaseCounter!.Value));
        Assert.Null(header.SampleCount);
        Assert.Equal(new TimeSpan(0, 12, 30, 45, 250), header.BaseTime);
        var signal = header.Signals[0];
        Assert.Equal((16, 4, 3, 512L), (signal.Format, signal.SamplesPerFrame, signal.Skew, signal.ByteOffset));
        Assert.Equal((150.5, -3, "uV", 12, 7, 8, (int?)9, 1024), (signal.Gain, signal.Baseline, signal.Units, signal.AdcResolution, signal.AdcZero, signal.InitialValue, signal.Checksum, signal.BlockSize));
        Assert.Equal("some lead name", signal.Description);
    }
}
