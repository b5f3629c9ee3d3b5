using EcgScope.Core;
using EcgScope.Signal.Analysis;
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
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) };
        var record = Read(spec);

        Assert.Equal(15360, record.SampleCount);
        Assert.Equal(512, record.SamplingRate.Hertz);
        Assert.Equal("I", Assert.Single(record.Leads).Name);
        var error = MaxErrorOnDrawnSamples(spec, record);
        TestContext.Current.TestOutputHelper?.WriteLine($"max abs round-trip error: {error * 1000:0.######} µV");
        Assert.True(error < OneMicrovolt, $"max error {error * 1000} µV");
    }

    [Fact]
    public void Samples_under_the_calibration_pulse_are_missing_and_strip_two_starts_at_ten_seconds()
    {
        var signal = new double[15360];
        signal[5119] = 1; // last sample of strip 1
        signal[5120] = 2; // first sample of strip 2
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal });

        var samples = record.Leads[0].Span;
        Assert.All(samples[..185].ToArray(), sample => Assert.True(double.IsNaN(sample)));
        Assert.False(double.IsNaN(samples[185]));
        Assert.Equal(15360 - 185, samples.ToArray().Count(double.IsFinite)); // 4935 + 5120 + 5120 drawn
        Assert.Equal(1, samples[5119], 5);
        Assert.Equal(2, samples[5120], 5);
        Assert.Equal(10, 5120 / record.SamplingRate.Hertz);
        Assert.Equal("185 (0.361 s) at the start, under the calibration pulse: NaN", record.Metadata.Properties["undrawnSamples"]);
    }

    [Theory]
    [InlineData(25, 256, 93)] // 25.51 pt / 0.2768 pt per sample = 92.2: the trace starts at step 93
    [InlineData(50, 512, 93)]
    [InlineData(25, 512, 185)]
    public void Undrawn_count_comes_from_where_the_trace_starts(double speed, double rate, int undrawn)
    {
        var samplesPerStrip = (int)(250 / speed * rate);
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(3 * samplesPerStrip, rate), PaperSpeedMmPerSecond = speed, SamplingRateHz = rate };
        var record = Read(spec);

        Assert.Equal(undrawn, AppleEcgPdfGenerator.UndrawnSamples(spec));
        Assert.Equal(undrawn, record.Leads[0].Span.ToArray().TakeWhile(double.IsNaN).Count());
        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt);
    }

    [Fact]
    public void Calibration_pulse_is_measured_and_never_read_as_trace()
    {
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = new double[15360] });

        Assert.Equal("1 mV pulse 28.347 pt high, as the footer's 10 mm/mV gives", record.Metadata.Properties["calibration"]);
        Assert.All(record.Leads[0].Span[185..].ToArray(), sample => Assert.Equal(0, sample, 9)); // a flat line: no pulse in it
    }

    [Fact]
    public void Page_without_a_calibration_pulse_is_read_in_full_with_the_gain_unchecked()
    {
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), DrawCalibrationPulse = false };
        var record = Read(spec);

        Assert.False(double.IsNaN(record.Leads[0].Span[0]));
        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt);
        Assert.StartsWith("no 1 mV calibration pulse", record.Metadata.Properties["calibration"], StringComparison.Ordinal);
        Assert.False(record.Metadata.Properties.ContainsKey("undrawnSamples"));
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
        Assert.Equal("iOS Version 26.3.1 (a) (Build 23D8133) Quartz PDFContext", metadata.Properties["producer"]);
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
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360, seed: 4), A4 = true, Symptoms = ["Skipped heartbeat"] };
        var record = Read(spec);

        Assert.Equal(15360, record.SampleCount);
        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt);
        Assert.Equal("Sinus Rhythm", record.Metadata.DeviceClassification);
        Assert.Equal(["Skipped heartbeat"], record.Metadata.Comments);
    }

    [Theory]
    [InlineData(50, 20, 512, 2560)]
    [InlineData(25, 5, 256, 2560)]
    [InlineData(12.5, 10, 512, 10240)]
    public void Paper_speed_gain_and_rate_from_the_footer_scale_the_trace(double speed, double gain, double rate, int samplesPerStrip)
    {
        var spec = new AppleEcgPdfSpec
        {
            SignalMillivolts = SyntheticEcg.Generate(3 * samplesPerStrip, rate, seed: 2),
            PaperSpeedMmPerSecond = speed,
            GainMmPerMillivolt = gain,
            SamplingRateHz = rate,
        };
        var record = Read(spec);

        Assert.Equal(rate, record.SamplingRate.Hertz);
        Assert.Equal(3 * samplesPerStrip, record.SampleCount);
        // Values are written with 7 significant digits: half a unit in the last place, in mV, at this gain.
        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt * 10 / gain);
        Assert.Equal($"{speed} mm/s", record.Metadata.Properties["paperSpeed"]);
    }

    [Fact]
    public void A_gain_misread_would_show_as_a_wrong_amplitude()
    {
        // The same drawing under a footer claiming 20 mm/mV must read as half the amplitude (no pulse to contradict it).
        var signal = SyntheticEcg.Generate(15360);
        var drawnAt10 = Read(new AppleEcgPdfSpec { SignalMillivolts = signal, DrawCalibrationPulse = false });
        var footer20 = Read(new AppleEcgPdfSpec
        {
            SignalMillivolts = signal,
            DrawCalibrationPulse = false,
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
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360, seed: 6), TraceInIccColourSpace = true };

        Assert.True(MaxErrorOnDrawnSamples(spec, Read(spec)) < OneMicrovolt);
    }

    [Fact]
    public void A_short_recording_ends_in_a_part_strip()
    {
        // 14864 samples: the length of a genuine poor recording.
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(14864, seed: 5), Classification = "Poor Recording", AverageBpm = null };
        var record = Read(spec);

        Assert.Equal(14864, record.SampleCount);
        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt);
    }

    [Fact]
    public void Edge_content_flat_line_and_spikes_past_the_strip_round_trip()
    {
        var signal = new double[15360];
        signal[3000] = 4.5; // taller than the 3 mV strip: drawn, clipped by the strip, still in the path.
        signal[9000] = -5;
        for (var i = 10240; i < 15360; i++)
        {
            signal[i] = 0.0001 * (i % 7);
        }

        var spec = new AppleEcgPdfSpec { SignalMillivolts = signal };
        var record = Read(spec);

        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt);
        Assert.Equal(4.5, record.Leads[0].Span[3000], 5);
    }

    [Fact]
    public void Tall_r_waves_beyond_the_strip_are_read_whole_not_clamped()
    {
        // R waves of 3.6 mV: the strip holds 3 mV in all and the zero sits 1.24 mV below its top edge.
        var beats = Enumerable.Range(0, 38).Select(beat => 0.3 + (beat * 0.78));
        var signal = SyntheticEcg.BeatTrain(15360, beats).Select(sample => sample * 3).ToArray();
        var spec = new AppleEcgPdfSpec { SignalMillivolts = signal };

        var record = Read(spec);

        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt);
        var highest = record.Leads[0].Span.ToArray().Where(double.IsFinite).Max();
        Assert.InRange(highest, 3.5, 3.7);
    }

    [Fact]
    public void Negative_qrs_with_wide_premature_beats_past_the_clip_reads_back_its_rhythm()
    {
        // Like the first genuine export: QRS negative, 78 bpm, and in the last strip three wide premature beats
        // 0.44 s after a sinus beat and 1.08 s before the next, deep enough to run past the strip's bottom edge.
        var (beats, premature) = SinusWithPrematureBeats(0.77, [22.0, 25.0, 28.0]);
        var spec = new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.BeatTrain(15360, beats, negativeQrs: true, premature), AverageBpm = 78 };

        var record = Read(spec);

        Assert.True(MaxErrorOnDrawnSamples(spec, record) < OneMicrovolt);
        Assert.True(record.Leads[0].Span[10240..].ToArray().Min() < -2); // past the bottom edge, 1.86 mV below zero in strip 3
        var lead = EcgAnalysis.Analyze(record, cancellationToken: TestContext.Current.CancellationToken).Leads[0];
        var drawnBeats = beats.Where(beat => beat * 512 > 185 + 40).ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine($"{lead.RPeaks.Length} peaks for {drawnBeats.Length} beats, {lead.HeartRate?.MeanBpm:0.0} bpm");
        Assert.Equal(drawnBeats.Length, lead.RPeaks.Length);
        Assert.All(drawnBeats.Zip(lead.RPeaks), pair => Assert.InRange(pair.Second / 512.0 - pair.First, -0.03, 0.03));
        var rr = lead.RPeaks.Zip(lead.RPeaks.Skip(1), (a, b) => (b - a) / 512.0).ToArray();
        Assert.Equal(3, rr.Count(interval => Math.Abs(interval - 0.44) < 0.02));
        Assert.Equal(3, rr.Count(interval => Math.Abs(interval - 1.08) < 0.02));
    }

    [Theory]
    [InlineData(78)]
    [InlineData(62)]
    public void Heart_rate_of_a_generated_export_is_its_set_rate(int bpm)
    {
        var (signal, _) = SyntheticEcg.GenerateWithPeaks(15360, heartRateBpm: bpm, seed: bpm);
        var record = Read(new AppleEcgPdfSpec { SignalMillivolts = signal, AverageBpm = bpm });

        var heartRate = EcgAnalysis.Analyze(record, cancellationToken: TestContext.Current.CancellationToken).Leads[0].HeartRate;

        Assert.NotNull(heartRate);
        TestContext.Current.TestOutputHelper?.WriteLine($"set {bpm} bpm, read {heartRate.MeanBpm:0.0} bpm");
        Assert.InRange(heartRate.MeanBpm, bpm - 3, bpm + 3);
    }

    [Fact]
    public void EcgFile_with_the_pdf_reader_detects_and_reads_the_export()
    {
        var path = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) }, folder);
        var files = EcgFile.BuiltIn.With(new AppleEcgPdfReader());

        Assert.IsType<AppleEcgPdfReader>(files.Detect(path));
        Assert.Equal(15360, files.Read(path).SampleCount);
    }

    [Fact]
    public void EcgFile_without_the_pdf_reader_says_where_pdfs_are_read()
    {
        var path = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) }, folder);

        var error = Assert.Throws<EcgFormatException>(() => EcgFile.Read(path));

        Assert.Contains("not a supported ECG format (tried: WFDB,", error.Reason, StringComparison.Ordinal);
        Assert.Contains("EcgScope.Formats.Pdf", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CanRead_claims_an_export_whose_info_dictionary_lies_beyond_16_kB_from_the_end()
    {
        var bytes = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360) });
        var path = Path.Combine(folder, "export.pdf");
        File.WriteAllBytes(path, bytes);
        var producerAt = bytes.AsSpan().IndexOf("Quartz PDFContext"u8);

        Assert.InRange(bytes.Length - producerAt, 16 * 1024 + 1, int.MaxValue); // as in genuine exports: about 17 kB
        Assert.True(Reader.CanRead(path, bytes.AsSpan(0, 4096)));
        Assert.False(Reader.CanRead(path, "Name,\nDate of Birth,\n"u8));
    }

    private EcgRecord Read(AppleEcgPdfSpec spec) => Reader.Read(AppleEcgPdfGenerator.Write(spec, folder, Guid.NewGuid() + ".pdf"), EcgReadOptions.Default);

    /// <summary>
    /// Largest difference between the drawn samples of the spec's signal and the record, each strip of both centred
    /// on its own median over the drawn samples; the samples not drawn must be NaN in the record.
    /// </summary>
    internal static double MaxErrorOnDrawnSamples(AppleEcgPdfSpec spec, EcgRecord record)
    {
        var signal = spec.SignalMillivolts;
        Assert.Equal(signal.Length, record.SampleCount);
        var read = record.Leads[0].Span;
        var undrawn = AppleEcgPdfGenerator.UndrawnSamples(spec);
        Assert.All(read[..undrawn].ToArray(), sample => Assert.True(double.IsNaN(sample)));
        var samplesPerStrip = AppleEcgPdfGenerator.SamplesPerStrip(spec);
        var error = 0.0;
        for (var start = 0; start < signal.Length; start += samplesPerStrip)
        {
            var first = start == 0 ? undrawn : start;
            var length = Math.Min(start + samplesPerStrip, signal.Length) - first;
            var expected = signal.AsSpan(first, length);
            var actual = read.Slice(first, length);
            var (expectedMedian, actualMedian) = (Median(expected), Median(actual));
            for (var i = 0; i < length; i++)
            {
                error = Math.Max(error, Math.Abs(expected[i] - expectedMedian - (actual[i] - actualMedian)));
            }
        }

        return error;
    }

    /// <summary>
    /// Beat times in seconds: sinus beats every <paramref name="sinusRr"/> s, and at each of <paramref name="ectopicAt"/>
    /// a premature beat 0.44 s after the sinus beat before it, the next sinus beat 1.08 s later.
    /// </summary>
    private static (double[] Beats, IReadOnlySet<double> Premature) SinusWithPrematureBeats(double sinusRr, double[] ectopicAt)
    {
        var beats = new List<double>();
        var premature = new HashSet<double>();
        for (var t = 0.25; t < 29.8; t += sinusRr)
        {
            beats.Add(t);
            if (ectopicAt.Any(at => t < at && t + sinusRr >= at))
            {
                premature.Add(t + 0.44);
                beats.Add(t + 0.44);
                t += 0.44 + 1.08 - sinusRr;
            }
        }

        return ([.. beats], premature);
    }

    private static double Median(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
