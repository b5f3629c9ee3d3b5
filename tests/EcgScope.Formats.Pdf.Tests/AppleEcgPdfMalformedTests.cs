using System.Text;
using EcgScope.Core;
using EcgScope.Testing;

namespace EcgScope.Formats.Pdf.Tests;

public sealed class AppleEcgPdfMalformedTests
{
    private static readonly AppleEcgPdfReader Reader = new();
    private readonly string folder = TestData.TempFolder();

    [Fact]
    public void Pdf_without_trace_says_there_is_no_trace()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), DrawTrace = false }));

        Assert.Contains("no ECG trace", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_apple_pdf_is_claimed_then_refused_clearly()
    {
        var content = "BT /F1 12 Tf 1 0 0 1 72 720 Tm (Quarterly report) Tj ET\n0 0 0 RG 1 w 72 700 m 540 700 l S\n";
        var bytes = RawPdfWriter.Write(content, 612, 792, "LibreOffice 7.4");
        var path = Save(bytes);

        var error = Assert.Throws<EcgFormatException>(() => Reader.Read(path, EcgReadOptions.Default));
        Assert.StartsWith("not an Apple Health ECG export (the only kind of PDF EcgScope reads): no footer", error.Reason, StringComparison.Ordinal);
        Assert.True(Reader.CanRead(path, bytes)); // the only PDF reader: it claims the file to say why it is not an export
        var viaEcgFile = Assert.Throws<EcgFormatException>(() => EcgFile.BuiltIn.With(Reader).Read(path));
        Assert.Equal(error.Reason, viaEcgFile.Reason);
    }

    [Fact]
    public void A_page_stream_that_expands_beyond_any_export_is_refused_before_parsing_with_its_offset()
    {
        // 80 MiB of page content compress to well under 1 MiB: a small file that would make the PDF parser hold it all.
        var bytes = RawPdfWriter.Write(new string(' ', 80 << 20), 612, 792, "bomb");
        Assert.True(bytes.Length < 1 << 20);

        var error = ReadFails(bytes);

        Assert.Contains("expands to more than the 64 MiB", error.Reason, StringComparison.Ordinal);
        Assert.NotNull(error.ByteOffset);
    }

    [Fact]
    public void Missing_footer_is_refused()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), FooterFacts = string.Empty }));

        Assert.StartsWith("no footer stating paper speed, gain, lead and sampling rate", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(-1)]
    public void Calibration_pulse_contradicting_the_footer_gain_is_refused(double pulseMillivolts)
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), CalibrationPulseMillivolts = pulseMillivolts }));

        Assert.StartsWith($"the 1 mV calibration pulse at x = 40 pt is {pulseMillivolts * 28.3465:0.###} pt high", error.Reason, StringComparison.Ordinal);
        Assert.Contains("pt high, but the footer's 10 mm/mV makes 1 mV 28.346 pt", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_pulse_within_two_percent_is_accepted()
    {
        var record = Reader.Read(Save(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), CalibrationPulseMillivolts = 1.015 })), EcgReadOptions.Default);

        Assert.Equal(15360, record.SampleCount);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.05)]
    public void Truncated_content_stream_is_refused(double kept)
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), ContentStreamKept = kept }));

        TestContext.Current.TestOutputHelper?.WriteLine(error.Reason);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Strip_with_missing_points_in_the_middle_is_refused()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec
        {
            SignalMillivolts = SyntheticEcg.Generate(15360),
            OmittedSamples = new HashSet<int> { 7000, 7001 },
        }));

        Assert.Contains("strip 2", error.Reason, StringComparison.Ordinal);
        Assert.Contains("3 samples", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Strip_missing_its_first_points_is_refused()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec
        {
            SignalMillivolts = SyntheticEcg.Generate(15360),
            OmittedSamples = new HashSet<int> { 10240, 10241, 10242 },
        }));

        Assert.Contains("strip 3", error.Reason, StringComparison.Ordinal);
        Assert.Contains("samples are missing", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Strip_missing_its_last_points_before_another_strip_is_refused()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec
        {
            SignalMillivolts = SyntheticEcg.Generate(15360),
            OmittedSamples = new HashSet<int> { 5118, 5119 },
        }));

        Assert.Contains("strip 1 has 4933 samples from sample 185, but its width holds 5120 and a strip follows", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Strip_running_past_its_right_edge_is_refused()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), FirstStripShiftSteps = 2 }));

        Assert.Equal("strip 1: the trace runs 2 samples past the strip's right edge (748.667 pt), which holds 5120.", error.Reason);
    }

    [Fact]
    public void Trace_between_sample_steps_is_refused()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), FirstStripShiftSteps = -0.5 }));

        Assert.Equal("strip 1: the trace starts at x = 65.537 pt, 184.5 sample steps from the strip's left edge (40 pt), not on a whole step.", error.Reason);
    }

    [Fact]
    public void Footer_speed_that_does_not_match_the_drawn_trace_is_refused()
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec
        {
            SignalMillivolts = SyntheticEcg.Generate(15360),
            FooterFacts = "50 mm/s, 10 mm/mV, Lead I, 512Hz, iOS 26.3.1, watchOS 11.1, Watch7,8, Algorithm Version 2 ",
        }));

        Assert.Contains("not one sample", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25 mm/s, Lead I, 512Hz, iOS 26.3.1 ", "a gain")]
    [InlineData("25 mm/s, 10 mm/mV, Lead I, iOS 26.3.1 ", "a sampling rate")]
    [InlineData("25 mm/s, 10 mm/mV, 512Hz, iOS 26.3.1 ", "a lead")]
    public void Footer_lacking_a_value_the_reader_needs_is_refused(string facts, string missing)
    {
        var error = ReadFails(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), FooterFacts = facts }));

        Assert.Contains("does not state " + missing, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(200)]
    [InlineData(20_000)]
    [InlineData(-300)]
    public void Truncated_pdf_is_refused(int keep)
    {
        var bytes = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) });
        var length = keep >= 0 ? keep : bytes.Length + keep;

        ReadFails(bytes[..length]);
    }

    [Fact]
    public void Pdf_cut_after_its_trailer_is_recovered_whole()
    {
        // Without startxref PdfPig finds the xref table by searching; nothing of the trace is lost, so the record is whole.
        var bytes = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) });
        var startXref = bytes.AsSpan().LastIndexOf("startxref"u8);

        Assert.Equal(15360, Reader.Read(Save(bytes[..startXref]), EcgReadOptions.Default).SampleCount);
    }

    [Fact]
    public void Text_that_only_starts_like_a_pdf_is_refused()
    {
        ReadFails(Encoding.ASCII.GetBytes("%PDF-1.3\nthis is not really a PDF at all\n%%EOF\n"));
    }

    /// <summary>Random truncations and byte flips give a record or an <see cref="EcgFormatException"/>, nothing else.</summary>
    [Fact]
    public void Damaged_files_give_a_record_or_a_format_error()
    {
        var original = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Symptoms = ["Fatigue"] });
        var random = new Random(20260302);
        var (records, errors) = (0, 0);
        for (var round = 0; round < 45; round++)
        {
            var damaged = round % 3 == 0 ? original[..random.Next(original.Length)] : (byte[])original.Clone();
            if (round % 3 != 0)
            {
                for (var flip = random.Next(1, 8); flip > 0; flip--)
                {
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                }
            }

            try
            {
                var record = Reader.Read(Save(damaged), EcgReadOptions.Default);
                Assert.True(record.SampleCount > 0);
                records++;
            }
            catch (EcgFormatException error)
            {
                errors++;
                Assert.False(string.IsNullOrWhiteSpace(error.Reason));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{records} records, {errors} format errors");
        Assert.True(errors > 0, "no damage was ever detected");
    }

    private EcgFormatException ReadFails(byte[] bytes)
    {
        var path = Save(bytes);
        var error = Assert.Throws<EcgFormatException>(() => Reader.Read(path, EcgReadOptions.Default));
        Assert.Equal(path, error.Source);
        return error;
    }

    private string Save(byte[] bytes)
    {
        var path = Path.Combine(folder, Guid.NewGuid() + ".pdf");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
