using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Fonts.AdobeFontMetrics;
using UglyToad.PdfPig.Fonts.Encodings;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace EcgScope.Formats.Pdf.Tests;

/// <summary>What a generated Apple Watch ECG PDF shows. Defaults match the genuine exports in apple-ecg-exports.md.</summary>
internal sealed record AppleEcgPdfSpec
{
    public required double[] SignalMillivolts { get; init; }
    public double SamplingRateHz { get; init; } = 512;
    public double PaperSpeedMmPerSecond { get; init; } = 25;
    public double GainMmPerMillivolt { get; init; } = 10;
    public string Lead { get; init; } = "I";
    public string Classification { get; init; } = "Sinus Rhythm";
    public int? AverageBpm { get; init; } = 78;
    public string? Interpretation { get; init; }
    public DateTime Recorded { get; init; } = new(2025, 3, 2, 9, 41, 0, DateTimeKind.Unspecified);
    public string Name { get; init; } = "Jane Appleseed";
    public string DateOfBirth { get; init; } = "Jan 1, 1970 (Age 55)";
    public string Device { get; init; } = "Watch7,8";
    public string IosVersion { get; init; } = "26.3.1";
    public string WatchOsVersion { get; init; } = "11.1";
    public int AlgorithmVersion { get; init; } = 2;

    /// <summary>Null: no "Reported Symptoms" heading at all; empty: the heading with nothing below.</summary>
    public IReadOnlyList<string>? Symptoms { get; init; }

    public bool A4 { get; init; }
    public string Producer { get; init; } = "iOS Version 26.3.1 (a) (Build 23D8133) Quartz PDFContext";

    /// <summary>Draw the grey 1 mV calibration pulse at the start of the first strip, whose trace then starts after it.</summary>
    public bool DrawCalibrationPulse { get; init; } = true;

    /// <summary>What the calibration pulse rises by, in mV at the drawn gain: 1 in genuine exports; anything else makes a damaged file.</summary>
    public double CalibrationPulseMillivolts { get; init; } = 1;

    /// <summary>
    /// Distance of the first strip's zero from the strip's middle, in points; each later strip adds 1.5 pt. The
    /// offsets a reader cannot know.
    /// </summary>
    public double TraceOffsetPoints { get; init; } = 7.25;

    /// <summary>The footer's facts part, replacing the one built from the values above (to test damaged footers).</summary>
    public string? FooterFacts { get; init; }

    public bool DrawTrace { get; init; } = true;

    /// <summary>Stroke the trace in the ICC-based colour space /Cs1 (<c>/Cs1 CS r g b SC</c>), as Quartz often does.</summary>
    public bool TraceInIccColourSpace { get; init; }

    /// <summary>Stroke every 128-point subpath on its own instead of one stroke per strip.</summary>
    public bool StrokeEachSubpath { get; init; }

    /// <summary>Moves the first strip's trace right by this many sample steps (its points unchanged), to make a damaged strip.</summary>
    public double FirstStripShiftSteps { get; init; }

    /// <summary>Fraction of the compressed content stream written: less than 1 makes a truncated stream.</summary>
    public double ContentStreamKept { get; init; } = 1;

    /// <summary>Sample indices (into <see cref="SignalMillivolts"/>) left out of the trace, to make a damaged strip.</summary>
    public IReadOnlySet<int> OmittedSamples { get; init; } = new HashSet<int>();
}

/// <summary>
/// Writes Apple Watch ECG PDFs laid out as the Health app's "Export a PDF for your doctor" does (see
/// /work/shared/docs/apple-ecg-exports.md): header text in TJ arrays with per-glyph kerning and words split across
/// text objects and fonts, the grey rule, three clipped strips with a 1 mm / 5 mm grid where every line is its own
/// path, second ticks, the grey 1 mV calibration pulse at the start of the first strip, and the trace in Apple's red
/// as runs of 128-point subpaths under a y-flipping transform. The first strip's trace starts after the pulse (185
/// sample steps in at 25 mm/s and 512 Hz), so the first samples of <see cref="AppleEcgPdfSpec.SignalMillivolts"/> are
/// not drawn, as in genuine exports; the trace is never clamped to its strip.
/// </summary>
internal static class AppleEcgPdfGenerator
{
    public const double StripLeft = 40;
    public const double StripWidth = 708.6667;
    public const double StripHeight = 85;
    public const double StripWidthMm = 250;
    public const double PointsPerMm = 72 / 25.4;

    /// <summary>Points per mm in the pulse's coordinates: Apple's rounding of 72 / 25.4 (5.6693 = 2 mm, 28.3465 = 10 mm).</summary>
    private const double PulsePointsPerMm = 2.83465;

    /// <summary>The pulse's corners in x, in points from the strip's left edge: 2 mm flat, 5 mm across the top, 2 mm flat.</summary>
    private static readonly double[] PulseCornersX = [.. new[] { 0, 2, 2, 7, 7, 9 }.Select(mm => mm * PulsePointsPerMm)];

    /// <summary>Bottom edges of the three strips on the 612 pt high US Letter page.</summary>
    public static readonly double[] LetterStripBottoms = [308, 203.4565, 98.9131];

    private static readonly AdobeFontMetrics Helvetica = Standard14.GetAdobeFontMetrics(Standard14Font.Helvetica);
    private static readonly AdobeFontMetrics HelveticaBold = Standard14.GetAdobeFontMetrics(Standard14Font.HelveticaBold);

    public static byte[] Write(AppleEcgPdfSpec spec)
    {
        var (width, height) = spec.A4 ? (842.0, 595.0) : (792.0, 612.0);
        var page = new PageContent(height);
        WriteHeader(page, spec, width);
        for (var strip = 0; strip < LetterStripBottoms.Length; strip++)
        {
            WriteStrip(page, spec, strip);
        }

        WriteFooter(page, spec);
        return RawPdfWriter.Write(page.ToString(), width, height, spec.Producer, spec.ContentStreamKept);
    }

    public static string Write(AppleEcgPdfSpec spec, string folder, string fileName = "ecg.pdf")
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, Write(spec));
        return path;
    }

    /// <summary>
    /// Samples of the recording not drawn because the calibration pulse takes the first strip's start: the trace's first
    /// point is the first whole sample step past the pulse's end (185 at 25 mm/s and 512 Hz, x = 25.606 pt).
    /// </summary>
    public static int UndrawnSamples(AppleEcgPdfSpec spec) =>
        spec.DrawCalibrationPulse ? (int)Math.Ceiling(PulseCornersX[^1] / XStep(spec)) : 0;

    /// <summary>Points per sample along x: the strip's width over the samples it holds.</summary>
    public static double XStep(AppleEcgPdfSpec spec) => StripWidth / SamplesPerStrip(spec);

    /// <summary>Samples one strip holds: 250 mm at the paper speed, times the rate (5120 at 25 mm/s and 512 Hz).</summary>
    public static int SamplesPerStrip(AppleEcgPdfSpec spec) => (int)Math.Round(StripWidthMm / spec.PaperSpeedMmPerSecond * spec.SamplingRateHz);

    /// <summary>Apple's interpretation sentence for a classification (wording close to the Health app's).</summary>
    public static string DefaultInterpretation(string classification) => classification switch
    {
        "Sinus Rhythm" => "This ECG does not show signs of atrial fibrillation.",
        "Atrial Fibrillation" => "This ECG shows signs of atrial fibrillation.",
        "Atrial Fibrillation with High Heart Rate" => "This ECG shows signs of atrial fibrillation with a high heart rate.",
        "Heart Rate Over 150" => "Heart rate over 150 BPM. The ECG app cannot check for atrial fibrillation at this heart rate.",
        "Heart Rate Under 50" => "Heart rate under 50 BPM. The ECG app cannot check for atrial fibrillation at this heart rate.",
        "Poor Recording" => "This recording cannot be classified because of a poor recording. Rest your arms on a table while recording.",
        _ => "This recording cannot be classified. There are several reasons why a recording may be inconclusive.",
    };

    private static void WriteHeader(PageContent page, AppleEcgPdfSpec spec, double pageWidth)
    {
        var top = page.Height;
        page.Text(40, top - 54, [new("F1", 14, spec.Name)]);
        page.Text(40, top - 68, [new("F1", 10, "Date of Birth"), new("F3", 10, ":"), new("F1", 10, " " + spec.DateOfBirth)]);

        var recorded = spec.Recorded;
        var hour = recorded.Hour % 12 == 0 ? 12 : recorded.Hour % 12;
        Run[] recordedRuns =
        [
            new("F1", 10, "Recorded on " + recorded.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) + " at " + hour.ToString(CultureInfo.InvariantCulture)),
            new("F3", 10, ":"),
            new("F1", 10, recorded.Minute.ToString("00", CultureInfo.InvariantCulture)),
            new("F3", 10, "\u202F"),
            new("F1", 10, recorded.Hour < 12 ? "AM" : "PM"),
        ];
        page.Text(pageWidth - 40 - Width(recordedRuns), top - 68, recordedRuns);

        page.Append("q 0.5 w 0.7 G 40 ").Number(top - 77).Append(" m ").Number(pageWidth - 40).Append(' ').Number(top - 77).Append(" l S Q\n");

        var classificationY = top - 95;
        var classification = new Run("F2", 12, spec.Classification);
        page.Text(40, classificationY, [classification]);
        if (spec.AverageBpm is { } bpm)
        {
            // The heart image sits between the dash and the number; the gap stands for it.
            var afterClass = 40 + Width([classification]);
            page.Text(afterClass + 3, classificationY, [new("F3", 12, "\u0097")]);
            page.Text(afterClass + 22, classificationY, [new("F1", 12, bpm.ToString(CultureInfo.InvariantCulture) + " BPM Average")]);
        }

        var interpretationY = classificationY - 15;
        foreach (var line in Wrap(spec.Interpretation ?? DefaultInterpretation(spec.Classification), 230, 10))
        {
            page.Text(40, interpretationY, [new("F1", 10, line)]);
            interpretationY -= 12;
        }

        if (spec.Symptoms is { } symptoms)
        {
            // Level with the interpretation's first line: the classification line can reach past x = 290.
            page.Text(290, classificationY - 15, [new("F2", 10, "Reported Symptoms")]);
            var y = classificationY - 29;
            foreach (var symptom in symptoms)
            {
                page.Text(290, y, [new("F3", 10, "\u0095")]);
                page.Text(298, y, [new("F1", 10, symptom)]);
                y -= 12;
            }
        }
    }

    private static void WriteStrip(PageContent page, AppleEcgPdfSpec spec, int strip)
    {
        var bottom = page.Height - 612 + LetterStripBottoms[strip];
        var top = bottom + StripHeight;
        var samplesPerStrip = SamplesPerStrip(spec);
        var skipped = strip == 0 ? UndrawnSamples(spec) : 0;
        var first = (strip * samplesPerStrip) + skipped;
        var count = Math.Clamp(spec.SignalMillivolts.Length - first, 0, samplesPerStrip - skipped);
        var zeroOffset = spec.TraceOffsetPoints + (1.5 * strip);

        page.Append("q ").Number(StripLeft).Append(' ').Number(bottom).Append(' ').Number(StripWidth).Append(' ').Number(StripHeight).Append(" re W n\n");
        WriteGrid(page, bottom, top);
        if (strip == 0 && spec.DrawCalibrationPulse)
        {
            WriteCalibrationPulse(page, spec, top, zeroOffset);
        }

        if (spec.DrawTrace && count > 0)
        {
            WriteTrace(page, spec, top, zeroOffset, first, count, skipped + (strip == 0 ? spec.FirstStripShiftSteps : 0));
        }

        page.Append("Q\n");

        // Second ticks under the strip, 3 mm long, outside the clip.
        var tickStep = spec.PaperSpeedMmPerSecond * PointsPerMm;
        for (var x = StripLeft; x <= StripLeft + StripWidth + 0.01; x += tickStep)
        {
            page.Append("q 0.5 w 0.5 G 1 0 0 -1 ").Number(x).Append(' ').Number(bottom).Append(" cm 0 0 m 0 ").Number(3 * PointsPerMm).Append(" l S Q\n");
        }
    }

    private static void WriteGrid(PageContent page, double bottom, double top)
    {
        for (var mm = 0; mm <= 250; mm++)
        {
            page.Append("q 0.5 w ").Append(mm % 5 == 0 ? "0.8" : "0.9").Append(" G 1 0 0 -1 ").Number(StripLeft + (mm * PointsPerMm)).Append(' ').Number(top)
                .Append(" cm 0 0 m 0 ").Number(StripHeight).Append(" l S Q\n");
        }

        for (var mm = 0; mm <= 30; mm++)
        {
            page.Append("q 0.5 w ").Append(mm % 5 == 0 ? "0.8" : "0.9").Append(" G 1 0 0 -1 ").Number(StripLeft).Append(' ').Number(bottom + (mm * PointsPerMm))
                .Append(" cm 0 0 m ").Number(StripWidth).Append(" 0 l S Q\n");
        }
    }

    /// <summary>
    /// The pulse in grey 0.4, 1 pt wide, under the same flip as the trace with its foot on the trace's zero level:
    /// <c>0 0 m 5.6693 0 l 5.6693 -28.3465 l 19.84255 -28.3465 l 19.84255 0 l 25.51185 0 l S</c> at 10 mm/mV.
    /// </summary>
    private static void WriteCalibrationPulse(PageContent page, AppleEcgPdfSpec spec, double top, double offset)
    {
        var foot = ZeroLevel(top, offset);
        var rise = spec.CalibrationPulseMillivolts * spec.GainMmPerMillivolt * PulsePointsPerMm;
        double[] cornersY = [0, 0, -rise, -rise, 0, 0];
        page.Append("q 1 0 0 -1 ").Number(StripLeft).Append(' ').Number(foot).Append(" cm 0.4 G 1 w 1 j\n");
        for (var i = 0; i < PulseCornersX.Length; i++)
        {
            page.Number(PulseCornersX[i]).Append(' ').Number(cornersY[i]).Append(i == 0 ? " m " : " l ");
        }

        page.Append("S Q\n");
    }

    /// <summary>Page y of a strip's 0 mV: <paramref name="offset"/> points above the strip's middle.</summary>
    private static double ZeroLevel(double top, double offset) => top - (StripHeight / 2) + offset;

    /// <summary>
    /// The trace: under <c>1 0 0 -1 40 Y cm</c> with Y 2 pt above the strip, so a path y of Y - (page y); subpaths of
    /// 128 points, each beginning with the previous one's last point. The first point is <paramref name="skipped"/>
    /// sample steps into the strip. Values are written as they are, however far past the strip they reach.
    /// </summary>
    private static void WriteTrace(PageContent page, AppleEcgPdfSpec spec, double top, double offset, int first, int count, double skipped)
    {
        var flipY = top + 2;
        var zero = ZeroLevel(top, offset);
        var xStep = XStep(spec);
        var pointsPerMillivolt = spec.GainMmPerMillivolt * PointsPerMm;
        var kept = Enumerable.Range(first, count).Where(i => !spec.OmittedSamples.Contains(i)).ToArray();

        page.Append("q 1 0 0 -1 ").Number(StripLeft).Append(' ').Number(flipY)
            .Append(spec.TraceInIccColourSpace ? " cm /Cs1 CS 0.8039 0.0392 0.1255 SC" : " cm 0.8039 0.0392 0.1255 RG").Append(" 1 j 1 J 0.75 w\n");
        for (var start = 0; start < kept.Length - 1 || start == 0; start += 127)
        {
            var end = Math.Min(start + 127, kept.Length - 1);
            for (var k = start; k <= end; k++)
            {
                var sample = kept[k];
                var pathY = flipY - (zero + (spec.SignalMillivolts[sample] * pointsPerMillivolt));
                page.Number((sample - first + skipped) * xStep).Append(' ').Number(pathY).Append(k == start ? " m\n" : " l\n");
            }

            if (spec.StrokeEachSubpath)
            {
                page.Append("S\n");
            }

            if (end == kept.Length - 1)
            {
                break;
            }
        }

        page.Append(spec.StrokeEachSubpath ? "Q\n" : "S Q\n");
    }

    private static void WriteFooter(PageContent page, AppleEcgPdfSpec spec)
    {
        var n = (double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        var facts = spec.FooterFacts ?? $"{n(spec.PaperSpeedMmPerSecond)} mm/s, {n(spec.GainMmPerMillivolt)} mm/mV, Lead {spec.Lead}, {n(spec.SamplingRateHz)}Hz, "
            + $"iOS {spec.IosVersion}, watchOS {spec.WatchOsVersion}, {spec.Device}, Algorithm Version {spec.AlgorithmVersion} ";
        page.Text(40, 56, [new("F1", 7, facts), new("F3", 7, "\u0097"), new("F1", 7, " The waveform is similar to a Lead I ECG. For more information, see Instructions for Use.")]);
    }

    private static IEnumerable<string> Wrap(string text, double maxWidth, double size)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Width([new("F1", size, candidate)]) > maxWidth)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>Advance of runs in points, kerning included.</summary>
    private static double Width(IEnumerable<Run> runs) => runs.Sum(run => run.Glyphs().Sum(g => g.Advance - (g.Kerning * run.Size / 1000)));

    /// <summary>A piece of text drawn in one font: F1/F3 Helvetica, F2 Helvetica-Bold.</summary>
    private sealed record Run(string Font, double Size, string Text)
    {
        /// <summary>Each glyph's code, advance and the TJ kerning after it (a small per-glyph adjustment, thousandths).</summary>
        public IEnumerable<(byte Code, double Advance, int Kerning)> Glyphs()
        {
            var metrics = Font == "F2" ? HelveticaBold : Helvetica;
            foreach (var c in Text)
            {
                var code = Font == "F3" && c == '\u202F' ? (byte)0x20 : (byte)c;
                var width = metrics.CharacterMetrics.TryGetValue(WinAnsiEncoding.Instance.GetName(code), out var metric) ? metric.Width.X : 500;
                yield return (code, width * Size / 1000, (code * 7 % 11) - 5);
            }
        }
    }

    /// <summary>The page's content stream under construction.</summary>
    private sealed class PageContent(double height)
    {
        private readonly StringBuilder content = new();

        public double Height { get; } = height;

        public PageContent Append(string text)
        {
            content.Append(text);
            return this;
        }

        public PageContent Append(char c)
        {
            content.Append(c);
            return this;
        }

        public PageContent Number(double value)
        {
            content.Append(RawPdfWriter.Number(value));
            return this;
        }

        /// <summary>Each run in its own text object, one after the other from (x, y), glyphs in a kerned TJ array.</summary>
        public void Text(double x, double y, IReadOnlyList<Run> runs)
        {
            foreach (var run in runs)
            {
                Append("BT /").Append(run.Font).Append(' ').Number(run.Size).Append(" Tf 1 0 0 1 ").Number(x).Append(' ').Number(y).Append(" Tm [");
                foreach (var (code, advance, kerning) in run.Glyphs())
                {
                    Append('(').Append(RawPdfWriter.EscapeString(((char)code).ToString())).Append(") ").Append(kerning.ToString(CultureInfo.InvariantCulture)).Append(' ');
                    x += advance - (kerning * run.Size / 1000);
                }

                Append("] TJ ET\n");
            }
        }

        public override string ToString() => content.ToString();
    }
}
