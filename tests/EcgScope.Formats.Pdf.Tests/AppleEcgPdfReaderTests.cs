using EcgScope.Core;
using EcgScope.Formats.Pdf;
using EcgScope.Testing;

namespace EcgScope.Formats.Pdf.Tests;

public sealed class AppleEcgPdfReaderTests
{
    private const double OneMicrovolt = 0.001;
    private static readonly AppleEcgPdfReader Reader = new();
    private readonly string folder = TestData.TempFolder();

    [Fact]
    public void Round_trip_of_30_seconds_is_within_one_microvolt()
    {
        var signal = SyntheticEcg.Generate(15360);
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal });

        Assert.Equal(15360, record.SampleCount);
        Assert.Equal(512, record.SamplingRate.Hertz);
        Assert.Equal("I", Assert.Single(record.Leads).Name);
        var error = MaxErrorAfterCentringStrips(signal, record, samplesPerStrip: 5120);
        TestContext.Current.TestOutputHelper?.WriteLine($"max abs round-trip error: {error * 1000:0.######} µV");
        Assert.True(error < OneMicrovolt, $"max error {error * 1000} µV");
    }

    [Fact]
    public void Each_strip_is_centred_on_its_median()
    {
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) });

        for (var strip = 0; strip < 3; strip++)
        {
            Assert.Equal(0, Median(record.Leads[0].Span.Slice(strip * 5120, 5120)), 9);
        }

        Assert.Equal("median-subtracted per strip", record.Metadata.Properties["baseline"]);
    }

    [Fact]
    public void Header_and_footer_values_are_read_back_exactly()
    {
        var record = Read(new AppleEcgPdfSpec
        {
            SignalMillivolts = SyntheticEcg.Generate(15360),
            AverageBpm = 78,
            Recorded = new DateTime(2025, 3, 2, 9, 41, 0),
            Symptoms = ["Rapid, pounding, or fluttering heartbeat", "Chest tightness or pain"],
        });

        var metadata = record.Metadata;
        Assert.Equal("Apple Health ECG PDF", metadata.SourceFormat);
        Assert.Equal("Sinus Rhythm", metadata.DeviceClassification);
        Assert.Equal(78, metadata.DeviceHeartRateBpm);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 9, 41, 0, TimeSpan.Zero), record.StartTime);
        Assert.Equal("Mar 2, 2025 at 9:41 AM", metadata.Properties["recordedOn"]);
        Assert.Equal("Watch7,8", metadata.Device);
        Assert.Equal("iOS 26.3.1, watchOS 11.1, Algorithm Version 2", metadata.Software);
        Assert.Equal(["Rapid, pounding, or fluttering heartbeat", "Chest tightness or pain"], metadata.Comments);
        Assert.Equal("This ECG does not show signs of atrial fibrillation.", metadata.Properties["interpretation"]);
        Assert.Equal("25 mm/s", metadata.Properties["paperSpeed"]);
        Assert.Equal("10 mm/mV", metadata.Properties["gain"]);
        Assert.Equal("2", metadata.Properties["algorithmVersion"]);
        Assert.Equal("iOS Version 26.3.1 (Build 23D8133) Quartz PDFContext", metadata.Properties["producer"]);
    }

    [Fact]
    public void Name_and_date_of_birth_stay_out_of_the_record()
    {
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Name = "Zelda Quimby", DateOfBirth = "Feb 29, 1960 (Age 65)" });

        var metadata = record.Metadata;
        string?[] texts = [metadata.Device, metadata.Software, metadata.DeviceClassification, .. metadata.Comments, .. metadata.Properties.Keys, .. metadata.Properties.Values];
        Assert.DoesNotContain(texts, text => text is not null && (text.Contains("Zelda", StringComparison.Ordinal) || text.Contains("1960", StringComparison.Ordinal) || text.Contains("Birth", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(21, 5, "Mar 2, 2025 at 9:05 PM")]
    [InlineData(0, 30, "Mar 2, 2025 at 12:30 AM")]
    [InlineData(12, 0, "Mar 2, 2025 at 12:00 PM")]
    public void Recorded_time_with_narrow_space_before_am_pm_is_parsed(int hour, int minute, string shown)
    {
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Recorded = new DateTime(2025, 3, 2, hour, minute, 0) });

        Assert.Equal(new DateTimeOffset(2025, 3, 2, hour, minute, 0, TimeSpan.Zero), record.StartTime);
        Assert.Equal(shown, record.Metadata.Properties["recordedOn"]);
    }

    [Fact]
    public void A4_page_is_read_by_finding_the_strips()
    {
        var signal = SyntheticEcg.Generate(15360, seed: 4);
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal, A4 = true, Symptoms = ["Skipped heartbeat"] });

        Assert.Equal(15360, record.SampleCount);
        Assert.True(MaxErrorAfterCentringStrips(signal, record, 5120) < OneMicrovolt);
        Assert.Equal("Sinus Rhythm", record.Metadata.DeviceClassification);
        Assert.Equal(["Skipped heartbeat"], record.Metadata.Comments);
    }

    [Theory]
    [InlineData(50, 20, 512, 2560)]
    [InlineData(25, 5, 256, 2560)]
    [InlineData(12.5, 10, 512, 10240)]
    public void Paper_speed_gain_and_rate_from_the_footer_scale_the_trace(double speed, double gain, double rate, int samplesPerStrip)
    {
        var signal = SyntheticEcg.Generate(3 * samplesPerStrip, rate, seed: 2);
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal, PaperSpeedMmPerSecond = speed, GainMmPerMillivolt = gain, SamplingRateHz = rate });

        Assert.Equal(rate, record.SamplingRate.Hertz);
        Assert.Equal(3 * samplesPerStrip, record.SampleCount);
        // Values are written with 7 significant digits: half a unit in the last place, in mV, at this gain.
        Assert.True(MaxErrorAfterCentringStrips(signal, record, samplesPerStrip) < OneMicrovolt * 10 / gain);
        Assert.Equal($"{speed} mm/s", record.Metadata.Properties["paperSpeed"]);
    }

    [Fact]
    public void A_gain_misread_would_show_as_a_wrong_amplitude()
    {
        // The same drawing under a footer claiming 20 mm/mV must read as half the amplitude.
        var signal = SyntheticEcg.Generate(15360);
        var drawnAt10 = Read(new AppleEcgPdfSpec { SignalMillivolts = signal });
        var footer20 = Read(new AppleEcgPdfSpec
        {
            SignalMillivolts = signal,
            FooterFacts = "25 mm/s, 20 mm/mV, Lead I, 512Hz, iOS 26.3.1, watchOS 11.1, Watch7,8, Algorithm Version 2 ",
        });

        for (var i = 0; i < 15360; i += 97)
        {
            Assert.Equal(drawnAt10.Leads[0].Span[i] / 2, footer20.Leads[0].Span[i], 9);
        }
    }

    [Theory]
    [InlineData("Sinus Rhythm", 78)]
    [InlineData("Atrial Fibrillation", 96)]
    [InlineData("Atrial Fibrillation with High Heart Rate", 128)]
    [InlineData("Inconclusive", 88)]
    [InlineData("Poor Recording", null)]
    [InlineData("Heart Rate Over 150", 162)]
    [InlineData("Heart Rate Under 50", 46)]
    public void Every_classification_is_read(string classification, int? bpm)
    {
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Classification = classification, AverageBpm = bpm, Symptoms = ["Fatigue"] });

        Assert.Equal(classification, record.Metadata.DeviceClassification);
        Assert.Equal(bpm, record.Metadata.DeviceHeartRateBpm);
        Assert.Equal(AppleEcgPdfGenerator.DefaultInterpretation(classification), record.Metadata.Properties["interpretation"]);
        Assert.Equal(["Fatigue"], record.Metadata.Comments);
    }

    [Fact]
    public void No_symptoms_heading_or_an_empty_list_gives_no_comments()
    {
        Assert.Empty(Read(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Symptoms = null }).Metadata.Comments);
        Assert.Empty(Read(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Symptoms = [] }).Metadata.Comments);
    }

    [Fact]
    public void Subpaths_stroked_one_by_one_read_the_same()
    {
        var signal = SyntheticEcg.Generate(15360, seed: 3);
        var together = Read(new AppleEcgPdfSpec { SignalMillivolts = signal });
        var apart = Read(new AppleEcgPdfSpec { SignalMillivolts = signal, StrokeEachSubpath = true });

        Assert.Equal(together.Leads[0].SamplesMillivolts, apart.Leads[0].SamplesMillivolts);
    }

    [Fact]
    public void Trace_in_an_icc_based_colour_space_is_found()
    {
        var signal = SyntheticEcg.Generate(15360, seed: 6);
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal, TraceInIccColourSpace = true });

        Assert.True(MaxErrorAfterCentringStrips(signal, record, 5120) < OneMicrovolt);
    }

    [Fact]
    public void A_short_recording_ends_in_a_part_strip()
    {
        // 14864 samples: the length of a genuine poor recording.
        var signal = SyntheticEcg.Generate(14864, seed: 5);
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal, Classification = "Poor Recording", AverageBpm = null });

        Assert.Equal(14864, record.SampleCount);
        Assert.True(MaxErrorAfterCentringStrips(signal, record, 5120) < OneMicrovolt);
    }

    [Fact]
    public void Edge_content_flat_line_and_clipped_spikes_round_trip()
    {
        var signal = new double[15360];
        signal[3000] = 4.5; // taller than the 3 mV strip: drawn, clipped by the strip, still in the path.
        signal[9000] = -5;
        for (var i = 10240; i < 15360; i++)
        {
            signal[i] = 0.0001 * (i % 7);
        }

        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal });

        Assert.True(MaxErrorAfterCentringStrips(signal, record, 5120) < OneMicrovolt);
        Assert.Equal(4.5, record.Leads[0].Span[3000], 5);
    }

    [Fact]
    public void EcgFile_detects_and_reads_the_export()
    {
        var path = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) }, folder);

        Assert.IsType<AppleEcgPdfReader>(EcgFile.Detect(path));
        Assert.Equal(15360, EcgFile.Read(path).SampleCount);
    }

    [Fact]
    public void CanRead_finds_the_quartz_producer_at_the_end_of_the_file()
    {
        var bytes = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) });
        var path = Path.Combine(folder, "export.pdf");
        File.WriteAllBytes(path, bytes);
        var head = bytes.AsSpan(0, 4096);

        Assert.Equal(-1, head.IndexOf("Quartz"u8)); // the Info dictionary is at the end, as Quartz writes it
        Assert.True(Reader.CanRead(path, head));
        Assert.False(Reader.CanRead(path, "Name,\nDate of Birth,\n"u8));
    }

    private EcgRecord Read(AppleEcgPdfSpec spec) => Reader.Read(AppleEcgPdfGenerator.Write(spec, folder, Guid.NewGuid() + ".pdf"), EcgReadOptions.Default);

    /// <summary>Largest difference between the signal and the record once each strip of both is centred on its median.</summary>
    internal static double MaxErrorAfterCentringStrips(double[] signal, EcgRecord record, int samplesPerStrip)
    {
        Assert.Equal(signal.Length, record.SampleCount);
        var read = record.Leads[0].Span;
        var error = 0.0;
        for (var start = 0; start < signal.Length; start += samplesPerStrip)
        {
            var length = Math.Min(samplesPerStrip, signal.Length - start);
            var expected = signal.AsSpan(start, length);
            var actual = read.Slice(start, length);
            var (expectedMedian, actualMedian) = (Median(expected), Median(actual));
            for (var i = 0; i < length; i++)
            {
                error = Math.Max(error, Math.Abs(expected[i] - expectedMedian - (actual[i] - actualMedian)));
            }
        }

        return error;
    }

    private static double Median(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
