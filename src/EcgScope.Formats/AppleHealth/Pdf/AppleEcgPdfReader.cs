using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EcgScope.Core;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics;

namespace EcgScope.Formats.AppleHealth.Pdf;

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
/// <para>The person's name and date of birth are on the page but are never read into the record.</para>
/// </remarks>
public sealed class AppleEcgPdfReader : IEcgFormatReader
{
    /// <summary>RGB of the trace in Apple's exports.</summary>
    private const string TraceColour = "RGB (0.8039, 0.0392, 0.1255)";

    /// <summary>What Quartz, Apple's PDF engine, writes as the producer; iOS adds "iOS Version … (Build …)" before it.</summary>
    private const string QuartzProducer = "Quartz PDFContext";

    private const string Name = "Apple Health ECG PDF";

    private const int TailLength = 16 * 1024;
    private const double PointsPerMm = 72 / 25.4;

    /// <inheritdoc />
    public string FormatName => Name;

    /// <inheritdoc />
    /// <remarks>
    /// Claims a PDF whose producer is Quartz (the Info dictionary sits at the end of Apple's files, so the last
    /// 16 kB are searched too). Any other Mac- or iPhone-made PDF passes this cheap test and is then refused by
    /// <see cref="Read"/> as "not an Apple Health ECG export".
    /// </remarks>
    public bool CanRead(string path, ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith("%PDF-"u8))
        {
            return false;
        }

        var producer = Encoding.ASCII.GetBytes(QuartzProducer);
        if (head.IndexOf(producer) >= 0)
        {
            return true;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var tail = new byte[(int)Math.Min(TailLength, stream.Length)];
            stream.Seek(-tail.Length, SeekOrigin.End);
            stream.ReadExactly(tail);
            return tail.AsSpan().IndexOf(producer) >= 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public EcgRecord Read(string path, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var page = OpenFirstPage(path);
        return ReadPage(path, page);
    }

    /// <summary>
    /// The first page's letters and paths, copied out of the document. Only PdfPig's parsing runs inside the catch:
    /// it throws many exception types for damaged files, each meaning "not readable", while an exception from our own
    /// code after it is a bug and must not be disguised as a bad file.
    /// </summary>
    private static PdfFirstPage OpenFirstPage(string path)
    {
        try
        {
            using var document = PdfDocument.Open(path, new ParsingOptions { ClipPaths = false, SkipMissingFonts = true });
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
                : $"not an Apple Health ECG export: no footer stating paper speed or gain (\"25 mm/s, 10 mm/mV, …\") and no trace in Apple's {TraceColour}.");
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
        CheckStripLengths(path, strips, xStep);

        var samples = ToCentredMillivolts(strips, footer.GainMmPerMillivolt);
        var header = AppleEcgHeader.Parse(runs, strips.Max(strip => strip.Clip.Top));
        return new EcgRecord([EcgLead.FromOwnedArray(footer.Lead, samples)], new SamplingRate(footer.SamplingRateHz))
        {
            StartTime = header.Recorded is { } recorded ? new DateTimeOffset(recorded, TimeSpan.Zero) : null,
            Metadata = BuildMetadata(header, footer, page.Producer, strips.Count),
        };
    }

    /// <summary>Every strip but the last must be full: as many samples as its width holds at one x step each.</summary>
    private static void CheckStripLengths(string path, IReadOnlyList<StripTrace> strips, double xStep)
    {
        for (var i = 0; i < strips.Count - 1; i++)
        {
            var full = (int)Math.Round(strips[i].Clip.Width / xStep);
            if (strips[i].Heights.Length < full)
            {
                throw new EcgFormatException(path, string.Create(CultureInfo.InvariantCulture,
                    $"strip {i + 1} has {strips[i].Heights.Length} samples but its width holds {full} and a strip follows: samples are missing."));
            }
        }
    }

    /// <summary>
    /// mV = (page y) / (72 / 25.4 pt per mm) / (gain in mm/mV), page y being Y − y_path under Apple's flip; then each
    /// strip less its median, since the page gives no zero line and each strip's offset is arbitrary.
    /// </summary>
    private static double[] ToCentredMillivolts(IReadOnlyList<StripTrace> strips, double gainMmPerMillivolt)
    {
        var samples = new double[strips.Sum(strip => strip.Heights.Length)];
        var pointsPerMillivolt = PointsPerMm * gainMmPerMillivolt;
        var offset = 0;
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

    private static EcgMetadata BuildMetadata(AppleEcgHeader header, AppleEcgFooter footer, string? producer, int stripCount)
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
        Add("strips", stripCount.ToString(CultureInfo.InvariantCulture));
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
