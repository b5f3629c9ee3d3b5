using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics;

namespace EcgScope.Formats.Pdf;

/// <summary>
/// Reads the PDF the Health app exports for an Apple Watch ECG ("Export a PDF for your doctor") from the trace's
/// vector paths: one lead, three 10 s strips joined into 30 s, scaled with the paper speed, gain and sampling rate
/// the page's footer states. See docs/formats/apple-pdf.md.
/// </summary>
/// <remarks>
/// <para>The PDF has no zero line, so each strip's vertical offset is unknown: every strip is centred on its own
/// median (<c>Properties["baseline"] = "median-subtracted per strip"</c>).</para>
/// <para>The recorded time ("Recorded on Mar 2, 2025 at 9:41 AM") is the phone's local clock without a time zone:
/// <see cref="EcgRecord.StartTime"/> carries that clock time with offset +00:00, and
/// <c>Properties["timeZone"]</c> says the zone is unknown.</para>
/// <para>Apple draws a 1 mV calibration pulse where the first strip begins and starts that strip's trace after it
/// (185 samples in at 25 mm/s and 512 Hz): those samples are NaN, so that sample i lies at i / rate and the second
/// strip starts at 10 s. The pulse's height must match the footer's gain.</para>
/// <para>The person's name and date of birth are on the page but are never read into the record.</para>
/// </remarks>
public sealed class AppleEcgPdfReader : EcgFormatReader
{
    /// <summary>RGB of the trace in Apple's exports.</summary>
    private const string TraceColour = "RGB (0.8039, 0.0392, 0.1255)";

    private const string Name = "Apple Health ECG PDF";

    private const double PointsPerMm = 72 / 25.4;

    /// <inheritdoc />
    public override string FormatName => Name;

    /// <inheritdoc />
    /// <remarks>
    /// Claims every PDF (<c>%PDF-</c> at the start): this is EcgScope's only PDF reader, and what makes a PDF an Apple
    /// ECG export is its page (three clipped strips, the red trace, the footer stating speed, gain, lead and rate),
    /// which only <see cref="Read(EcgSource, EcgReadOptions)"/> parses. Any other PDF is refused there as "not an Apple Health ECG export", with
    /// what it lacks. The producer is not used: the Info dictionary sits at the end of Apple's files, more than 16 kB
    /// from it, and "Quartz PDFContext" would not tell an ECG from any other PDF an Apple device makes.
    /// </remarks>
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    /// <inheritdoc />
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        var content = source.ReadAllBytes();
        PdfStreamBudget.Check(content, source.Name);
        return ReadPage(source.Name, OpenFirstPage(source.Name, content));
    }

    /// <summary>
    /// The first page's letters and paths, copied out of the document. Only PdfPig's parsing runs inside the catch:
    /// it throws many exception types for damaged files, each meaning "not readable", while an exception from our own
    /// code after it is a bug and must not be disguised as a bad file.
    /// </summary>
    private static PdfFirstPage OpenFirstPage(string path, ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = PdfDocument.Open(content.ToArray(), new ParsingOptions { ClipPaths = false, SkipMissingFonts = true });
            if (document.NumberOfPages < 1)
            {
                throw new EcgFormatException(path, "the PDF has no page.");
            }

            var page = document.GetPage(1);
            return new PdfFirstPage([.. page.Letters], [.. page.Paths], document.Information.Producer);
        }
        catch (EcgFormatException)
        {
            throw;
        }
#pragma warning disable CA1031 // PdfPig throws many exception types for damaged files; every one means "not readable".
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new EcgFormatException(path, "not a readable PDF: " + exception.Message, inner: exception);
        }
    }

    private static EcgRecord ReadPage(string path, PdfFirstPage page)
    {
        var runs = PdfTextRuns.Assemble(page.Letters);
        var footerRun = runs.FirstOrDefault(AppleEcgFooter.IsFooter);
        var hasTrace = page.Paths.Any(AppleEcgTrace.IsTrace);
        if (footerRun is null)
        {
            throw new EcgFormatException(path, hasTrace
                ? "no footer stating paper speed, gain, lead and sampling rate (\"25 mm/s, 10 mm/mV, Lead I, 512Hz, …\") under the trace."
                : $"not an Apple Health ECG export (the only kind of PDF EcgScope reads): no footer stating paper speed or gain (\"25 mm/s, 10 mm/mV, …\") and no trace in Apple's {TraceColour}.");
        }

        var footer = AppleEcgFooter.Parse(footerRun, out var missing);
        if (missing is not null)
        {
            throw new EcgFormatException(path, $"the footer \"{footerRun.Text}\" does not state {missing}.");
        }

        if (!hasTrace)
        {
            throw new EcgFormatException(path, $"no ECG trace: no path on the page is stroked in Apple's trace colour, {TraceColour}.");
        }

        var xStep = footer.PaperSpeedMmPerSecond * PointsPerMm / footer.SamplingRateHz;
        var strips = AppleEcgTrace.ReadStrips(page.Paths, xStep, reason => new EcgFormatException(path, reason));
        CheckJoins(path, strips, xStep);
        var calibration = CheckCalibration(path, page.Paths, footer.GainMmPerMillivolt);

        var samples = ToCentredMillivolts(strips, footer.GainMmPerMillivolt);
        var header = AppleEcgHeader.Parse(runs, strips.Max(strip => strip.Clip.Top));
        return new EcgRecord([EcgLead.FromOwnedArray(footer.Lead, samples)], new SamplingRate(footer.SamplingRateHz))
        {
            StartTime = header.Recorded is { } recorded ? new DateTimeOffset(recorded, TimeSpan.Zero) : null,
            Metadata = BuildMetadata(header, footer, page.Producer, strips, calibration),
        };
    }

    /// <summary>
    /// Checks that the strips join into one recording: strip k's last sample and strip k + 1's first are consecutive.
    /// Each strip's points sit on whole sample steps from its left edge (<see cref="StripTrace.FirstSample"/>), so
    /// every strip but the last must end on the last step its width holds, and every strip but the first must start
    /// on its left edge. The first may start late: Apple draws the calibration pulse there and the trace after it.
    /// </summary>
    private static void CheckJoins(string path, IReadOnlyList<StripTrace> strips, double xStep)
    {
        for (var i = 0; i < strips.Count; i++)
        {
            var (strip, full) = (strips[i], StripSamples(strips[i], xStep));
            if (i > 0 && strip.FirstSample > 0)
            {
                throw new EcgFormatException(path, FormattableString.Invariant(
                    $"strip {i + 1}: the trace starts {strip.FirstSample} samples after the strip's left edge ({strip.Clip.Left:0.###} pt), where the strip before it ended: samples are missing."));
            }

            if (strip.EndSample > full)
            {
                throw new EcgFormatException(path, FormattableString.Invariant(
                    $"strip {i + 1}: the trace runs {strip.EndSample - full} samples past the strip's right edge ({strip.Clip.Right:0.###} pt), which holds {full}."));
            }

            if (i < strips.Count - 1 && strip.EndSample < full)
            {
                throw new EcgFormatException(path, FormattableString.Invariant(
                    $"strip {i + 1} has {strip.Heights.Length} samples from sample {strip.FirstSample}, but its width holds {full} and a strip follows: samples are missing."));
            }
        }
    }

    /// <summary>How many samples a strip's width holds: 5120 for 250 mm at 25 mm/s and 512 Hz.</summary>
    private static int StripSamples(StripTrace strip, double xStep) => (int)Math.Round(strip.Clip.Width / xStep);

    /// <summary>
    /// Measures every calibration pulse against the footer's gain. A mismatch is an error, not a warning: pulse and
    /// footer state the same scale on the same page, and when they disagree every amplitude read is wrong by that
    /// factor with no way to tell which one is right. A page without a pulse is read with the footer's gain unchecked.
    /// </summary>
    /// <returns>What the record's <c>Properties["calibration"]</c> says.</returns>
    private static string CheckCalibration(string path, IReadOnlyList<PdfPath> paths, double gainMmPerMillivolt)
    {
        var pulses = AppleEcgCalibrationPulse.FindAll(paths);
        if (pulses.Count == 0)
        {
            return "no 1 mV calibration pulse on the page: the footer's gain is unchecked";
        }

        foreach (var pulse in pulses)
        {
            if (pulse.CheckGain(gainMmPerMillivolt, PointsPerMm) is { } mismatch)
            {
                throw new EcgFormatException(path, mismatch);
            }
        }

        return FormattableString.Invariant($"1 mV pulse {pulses[0].HeightPoints:0.###} pt high, as the footer's {gainMmPerMillivolt:0.###} mm/mV gives");
    }

    /// <summary>
    /// mV = (page y) / (72 / 25.4 pt per mm) / (gain in mm/mV), page y being Y − y_path under Apple's flip; then each
    /// strip less its median, since the page gives no zero line and each strip's offset is arbitrary. The samples
    /// before the first strip's trace (under the calibration pulse) were never drawn: they are NaN, so that sample
    /// i stays at time i / rate and the second strip starts at exactly its width in seconds (10 s).
    /// </summary>
    private static double[] ToCentredMillivolts(IReadOnlyList<StripTrace> strips, double gainMmPerMillivolt)
    {
        var undrawn = strips[0].FirstSample;
        var samples = new double[undrawn + strips.Sum(strip => strip.Heights.Length)];
        samples.AsSpan(0, undrawn).Fill(double.NaN);
        var pointsPerMillivolt = PointsPerMm * gainMmPerMillivolt;
        var offset = undrawn;
        foreach (var strip in strips)
        {
            var target = samples.AsSpan(offset, strip.Heights.Length);
            var median = Median(strip.Heights);
            for (var i = 0; i < target.Length; i++)
            {
                target[i] = (strip.Heights[i] - median) / pointsPerMillivolt;
            }

            offset += target.Length;
        }

        return samples;
    }

    private static double Median(double[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static EcgMetadata BuildMetadata(AppleEcgHeader header, AppleEcgFooter footer, string? producer, IReadOnlyList<StripTrace> strips, string calibration)
    {
        var software = new List<string>();
        var properties = ImmutableDictionary.CreateBuilder<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                properties[key] = value;
            }
        }

        if (footer.IosVersion is { } ios)
        {
            software.Add("iOS " + ios);
        }

        if (footer.WatchOsVersion is { } watchOs)
        {
            software.Add("watchOS " + watchOs);
        }

        if (footer.AlgorithmVersion is { } algorithm)
        {
            software.Add("Algorithm Version " + algorithm);
        }

        Add("paperSpeed", string.Create(CultureInfo.InvariantCulture, $"{footer.PaperSpeedMmPerSecond} mm/s"));
        Add("gain", string.Create(CultureInfo.InvariantCulture, $"{footer.GainMmPerMillivolt} mm/mV"));
        Add("iOS", footer.IosVersion);
        Add("watchOS", footer.WatchOsVersion);
        Add("algorithmVersion", footer.AlgorithmVersion);
        Add("producer", producer);
        Add("interpretation", header.Interpretation);
        Add("recordedOn", header.RecordedOn);
        Add("timeZone", "unknown: the PDF gives the local clock time only; StartTime carries it with offset +00:00");
        Add("baseline", "median-subtracted per strip");
        Add("strips", strips.Count.ToString(CultureInfo.InvariantCulture));
        Add("calibration", calibration);
        var undrawn = strips[0].FirstSample;
        Add("undrawnSamples", undrawn == 0 ? null : FormattableString.Invariant(
            $"{undrawn} ({undrawn / footer.SamplingRateHz:0.###} s) at the start, under the calibration pulse: NaN"));
        return new EcgMetadata
        {
            SourceFormat = Name,
            Device = footer.Device,
            Software = software.Count > 0 ? string.Join(", ", software) : null,
            DeviceClassification = header.Classification,
            DeviceHeartRateBpm = header.AverageBpm,
            Comments = header.Symptoms,
            Properties = properties.ToImmutable(),
        };
    }

    private sealed record PdfFirstPage(IReadOnlyList<Letter> Letters, IReadOnlyList<PdfPath> Paths, string? Producer);
}
