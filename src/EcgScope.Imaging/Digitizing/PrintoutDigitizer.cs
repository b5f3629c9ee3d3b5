using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Imaging.Layout;
using OpenCvSharp;

namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// Turns a picture of a 12-lead printout (a scan, a photo, a screenshot) back into a record: finds the grid and its
/// scale from its periodicity, straightens the page by the grid's angle, finds the rows of traces and their
/// calibration pulses, follows each trace column by column and converts it to millivolts and seconds.
/// </summary>
public static class PrintoutDigitizer
{
    /// <summary>The source format named in a digitized record's metadata.</summary>
    public const string SourceFormat = "Printout image (digitized)";

    /// <summary>Gains ECG machines print at, in millimetres per millivolt.</summary>
    private static readonly double[] StandardGains = [5, 10, 20];

    /// <summary>Digitizes an encoded image (PNG, JPEG, BMP, TIFF, WebP).</summary>
    /// <param name="encoded">The image file's bytes.</param>
    /// <param name="name">The image's name in error messages.</param>
    /// <param name="options">Assumptions; <see cref="DigitizerOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the work between steps.</param>
    /// <exception cref="EcgFormatException">The bytes are not an image, or one too large or too small to hold a printout.</exception>
    public static DigitizedPrintout Digitize(ReadOnlySpan<byte> encoded, string name, DigitizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        options ??= DigitizerOptions.Default;
        using var image = Decode(encoded, name, options);
        return Digitize(image, name, options, cancellationToken);
    }

    /// <summary>Digitizes an encoded image read from <paramref name="stream"/> to its end.</summary>
    /// <inheritdoc cref="Digitize(ReadOnlySpan{byte}, string, DigitizerOptions?, CancellationToken)"/>
    public static DigitizedPrintout Digitize(Stream stream, string name, DigitizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Digitize(memory.GetBuffer().AsSpan(0, (int)memory.Length), name, options, cancellationToken);
    }

    /// <summary>Digitizes a decoded image: 8-bit grey, BGR or BGRA.</summary>
    /// <param name="image">The image; it is not changed.</param>
    /// <param name="name">The image's name in error messages.</param>
    /// <param name="options">Assumptions; <see cref="DigitizerOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the work between steps.</param>
    /// <exception cref="EcgFormatException">The image is too small to hold a printout, or not 8-bit.</exception>
    public static DigitizedPrintout Digitize(Mat image, string name, DigitizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(name);
        options ??= DigitizerOptions.Default;
        using var bgr = ToBgr(image, name);
        if (bgr.Width < 200 || bgr.Height < 100)
        {
            throw new EcgFormatException(name, string.Create(CultureInfo.InvariantCulture, $"the image is {bgr.Width}x{bgr.Height} pixels, too small to hold a 12-lead printout (at least 200x100)"));
        }

        var flattened = PageOutline.Flatten(bgr);
        using var flattenedPage = flattened?.Page;
        var page = flattenedPage ?? bgr;
        cancellationToken.ThrowIfCancellationRequested();
        var center = new ImagePoint(page.Width / 2.0, page.Height / 2.0);
        var masks = PageMasks.From(page);
        cancellationToken.ThrowIfCancellationRequested();
        // A photo flattened by its page outline is square to that outline already: what angle its grid still shows is
        // the outline's residual perspective, which a rotation does not undo (it stretched the grid's squares by 5 % on
        // one of the photographed test pages).
        var skew = flattened is null ? SkewEstimator.Estimate(masks.Grid, masks.Width, masks.Height, cancellationToken) : 0;
        if (Math.Abs(skew) >= 0.05)
        {
            using var rotation = Cv2.GetRotationMatrix2D(new Point2f((float)center.X, (float)center.Y), skew, 1);
            using var straight = new Mat();
            Cv2.WarpAffine(page, straight, rotation, page.Size(), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.White);
            masks = PageMasks.From(straight);
        }
        else
        {
            skew = 0;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new PageReading(name, masks, skew, center, flattened?.ImageToPage, options, cancellationToken).Read();
    }

    /// <summary>
    /// Decodes an encoded image as 8-bit BGR, refusing one larger than <paramref name="options"/>' pixel limit before
    /// decoding it, so that one decoded image can be digitized, drawn over and classified.
    /// </summary>
    /// <exception cref="EcgFormatException">The bytes are not an image, or one too large.</exception>
    public static Mat Decode(ReadOnlySpan<byte> encoded, string name, DigitizerOptions? options = null)
    {
        options ??= DigitizerOptions.Default;
        if (encoded.IsEmpty)
        {
            throw new EcgFormatException(name, "the file is empty: no image to digitize", byteOffset: 0);
        }

        var size = ImageHeader.Size(encoded);
        if (size is { } known && (long)known.Width * known.Height > options.MaxPixels)
        {
            throw new EcgFormatException(name, string.Create(CultureInfo.InvariantCulture, $"the image is {known.Width}x{known.Height} pixels, more than the {options.MaxPixels} accepted"));
        }

        Mat decoded;
        try
        {
            decoded = Cv2.ImDecode(encoded, ImreadModes.Color);
        }
        catch (OpenCVException error)
        {
            throw new EcgFormatException(name, $"the image could not be decoded ({error.ErrMsg})", byteOffset: 0, inner: error);
        }

        if (decoded.Empty())
        {
            decoded.Dispose();
            throw new EcgFormatException(name, "the content is not an image OpenCV can decode (PNG, JPEG, BMP, TIFF, WebP), or it is damaged", byteOffset: 0);
        }

        return decoded;
    }

    private static Mat ToBgr(Mat image, string name)
    {
        if (image.Depth() != MatType.CV_8U)
        {
            throw new EcgFormatException(name, $"the image has {image.Type()} pixels; 8-bit grey, BGR or BGRA are read");
        }

        var bgr = new Mat();
        switch (image.Channels())
        {
            case 1:
                Cv2.CvtColor(image, bgr, ColorConversionCodes.GRAY2BGR);
                break;
            case 3:
                image.CopyTo(bgr);
                break;
            case 4:
                Cv2.CvtColor(image, bgr, ColorConversionCodes.BGRA2BGR);
                break;
            default:
                bgr.Dispose();
                throw new EcgFormatException(name, $"the image has {image.Channels()} channels; 1, 3 or 4 are read");
        }

        return bgr;
    }

    /// <summary>
    /// One straightened page being read: the layout, the traces and the confidence. <paramref name="imageToPage"/> is the
    /// homography that flattened a photographed page before it was straightened (null when it needed none).
    /// </summary>
    private sealed class PageReading(
        string name, PageMasks masks, double skew, ImagePoint center, double[]? imageToPage, DigitizerOptions options, CancellationToken cancellationToken)
    {
        private readonly List<string> concerns = [];
        private double confidence = 1;

        public DigitizedPrintout Read()
        {
            var grid = GridScale.Find(masks.Grid, masks.Width, masks.Height);
            double pixelsPerMillimetre;
            if (grid is null || grid.Periodicity < GridScale.MinimumPeriodicity)
            {
                // Without a grid, a printout page is about 280 mm wide (A4 or letter, landscape).
                pixelsPerMillimetre = masks.Width / 280.0;
                Concern(0.4, "grid not found: the scale is guessed from the page width (280 mm assumed)");
                grid = null;
            }
            else
            {
                pixelsPerMillimetre = grid.PixelsPerMillimeter;
                CheckScale(grid);
            }

            masks.RemoveSpecks((int)Math.Ceiling(0.6 * pixelsPerMillimetre));
            var rows = RowFinder.Find(masks, grid, pixelsPerMillimetre);
            cancellationToken.ThrowIfCancellationRequested();
            var arrangement = ArrangementOf(rows.Count);
            if (arrangement is null)
            {
                throw new EcgFormatException(name, string.Create(CultureInfo.InvariantCulture, $"found {rows.Count} rows of trace; a 12-lead printout has 3 to 13"));
            }

            var (columns, leadRows) = arrangement switch
            {
                LeadArrangement.ThreeByFourWithRhythm => (4, 3),
                LeadArrangement.SixByTwo => (2, 6),
                _ => (1, 12),
            };
            var printed = rows.Take(arrangement == LeadArrangement.ThreeByFourWithRhythm ? Math.Min(rows.Count, 4) : leadRows).ToList();
            // A pen's round end reaches half its width before the trace's first moment, which lies that far into the
            // first column of ink (less half a pixel: columns are indexed by their left edge, their ink is at their centre).
            // The calibration pulse's pen width, in whole pixels, places the panels; the traces' own, to a fraction of a
            // pixel, their first moments (below).
            var firstInk = Median(printed.Select(row => (double)row.TraceStart));
            var penWidth = Median(printed.Where(row => row.PenWidth is not null).Select(row => (double)row.PenWidth!.Value));
            var start = firstInk + (double.IsNaN(penWidth) ? 0 : (penWidth - 1) / 2);
            var end = Median(printed.Select(row => (double)row.TraceEnd));
            var pixelsPerSecond = pixelsPerMillimetre * options.MillimetersPerSecond;
            var seconds = Seconds((end - start) / pixelsPerSecond);
            var gain = Gain(printed, pixelsPerMillimetre);
            var scale = new PaperScale(options.MillimetersPerSecond, gain);
            var columnSeconds = seconds / columns;
            // Columns at the grid's scale rather than a share of the measured span: the scale is known to a few hundredths
            // of a percent, the span's ends only to a pixel or two, and at 200 dpi one pixel is 2.5 samples.
            var columnPixels = columnSeconds * pixelsPerSecond;
            var separators = Enumerable.Range(1, columns - 1).Select(k => (int)Math.Round(start + (k * columnPixels))).ToList();

            var gridLeft = grid?.Left ?? 0;
            var gridTop = grid?.Top ?? 0;
            var straightened = PaperTransform.FromRotation(skew, center, pixelsPerMillimetre, new ImagePoint(gridLeft, gridTop));
            var transform = imageToPage is null ? straightened : straightened.Following(imageToPage);
            var traced = new List<TracedRow>(printed.Count);
            for (var r = 0; r < printed.Count; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = printed[r] with { TraceStart = (int)Math.Round(start), TraceEnd = (int)Math.Round(end) };
                traced.Add(TraceTracer.Trace(masks, row, r >= leadRows ? [] : separators, pixelsPerMillimetre));
            }

            var tracePenWidth = Median(traced.Select(row => row.PenWidth).Where(double.IsFinite));
            var fromPenWidth = double.IsNaN(tracePenWidth) ? start : firstInk + ((tracePenWidth - 1) / 2);

            // The pen's round ends reach equally far beyond the first and last moments, however blurred the page, so the
            // middle of the ink less half the known span also places the first moment, to the whole pixels of the two
            // ends. On a sharp page the pen's width places it finer; blur lightens a round end more than a flat line's
            // edge and moves the first column of ink a pixel right on a scan, where the two disagree by more than half a
            // pixel. The ends are not taken past a pen's width: a trace's faint end may be lost.
            var span = (options.SamplingRate.SamplesIn(seconds) - 1) * pixelsPerSecond / options.SamplingRate.Hertz;
            var fromEnds = ((firstInk + end - 1) / 2) - (span / 2);
            var disagreement = Math.Abs(fromEnds - fromPenWidth);
            var firstMoment = disagreement > 0.5 && disagreement <= (double.IsNaN(tracePenWidth) ? 1 : tracePenWidth) ? fromEnds : fromPenWidth;
            var stretches = new List<Stretch>();
            for (var r = 0; r < printed.Count; r++)
            {
                var row = printed[r];
                var isRhythm = r >= leadRows;
                var heights = traced[r].Heights;
                var baseline = row.PulseHeight is null ? Median(heights.Where(double.IsFinite)) : row.Baseline;
                var spacing = RowSpacing(printed, r) / pixelsPerMillimetre;
                for (var c = 0; c < (isRhythm ? 1 : columns); c++)
                {
                    var from = isRhythm ? 0 : (int)Math.Round(c * columnPixels);
                    var to = isRhythm ? heights.Length : (int)Math.Round((c + 1) * columnPixels);
                    var lead = isRhythm ? "II" : PrintoutLayout.TwelveLeads[(c * leadRows) + r];
                    var panel = new LeadPanel(
                        lead,
                        isRhythm ? 0 : c * columnSeconds,
                        isRhythm ? seconds : columnSeconds,
                        (start + from - gridLeft) / pixelsPerMillimetre,
                        (baseline - gridTop) / pixelsPerMillimetre,
                        spacing);
                    stretches.Add(new Stretch(panel, heights[from..Math.Min(to, heights.Length)], baseline, (int)Math.Round(start) + from, firstMoment + (c * columnPixels)));
                }
            }

            if (arrangement == LeadArrangement.ThreeByFourWithRhythm && stretches.Count > 12)
            {
                stretches[12] = stretches[12] with { Panel = stretches[12].Panel with { Lead = RhythmLead(stretches) } };
            }

            var panels = stretches.Select(stretch => Panel(stretch.Panel, stretch.Heights, stretch.From, transform, gridLeft, gridTop, pixelsPerMillimetre)).ToImmutableArray();
            CheckCoverage(panels);
            var layout = new PrintoutLayout(
                arrangement.Value,
                scale,
                grid is null ? masks.Width / pixelsPerMillimetre : (grid.Right - grid.Left) / pixelsPerMillimetre,
                grid is null ? masks.Height / pixelsPerMillimetre : (grid.Bottom - grid.Top) / pixelsPerMillimetre,
                [.. stretches.Select(stretch => stretch.Panel)]);
            var record = Record(stretches, seconds, pixelsPerSecond, pixelsPerMillimetre * scale.MillimetersPerMillivolt);
            var result = new DigitizedPrintout(record, layout, Math.Clamp(confidence, 0, 1), [.. concerns], transform, panels, pixelsPerMillimetre, skew);
            return result with { Record = record with { Metadata = Metadata(result) } };
        }

        private void Concern(double factor, string reason)
        {
            confidence *= factor;
            concerns.Add(reason);
        }

        private void CheckScale(GridScale grid)
        {
            if (grid.Periodicity < 0.3)
            {
                Concern(0.8, string.Create(CultureInfo.InvariantCulture, $"the grid repeats only faintly (periodicity {grid.Periodicity:0.00})"));
            }

            if (Math.Abs(grid.Anisotropy - 1) > 0.03)
            {
                Concern(Math.Abs(grid.Anisotropy - 1) > 0.1 ? 0.4 : 0.8, string.Create(CultureInfo.InvariantCulture,
                    $"the grid's squares are {Math.Abs(grid.Anisotropy - 1) * 100:0} % wider than high or higher than wide (a stretched scan or a photo at an angle)"));
            }

            if (!GridScale.IsPlausible(masks.Width, grid.PixelsPerMillimeter))
            {
                Concern(0.4, string.Create(CultureInfo.InvariantCulture, $"the scale is implausible: the page would be {masks.Width / grid.PixelsPerMillimeter:0} mm wide"));
            }
        }

        private static LeadArrangement? ArrangementOf(int rows) => rows switch
        {
            >= 12 => LeadArrangement.TwelveByOne,
            >= 6 => LeadArrangement.SixByTwo,
            >= 3 => LeadArrangement.ThreeByFourWithRhythm,
            _ => null,
        };

        /// <summary>The printout's duration from the traces' <paramref name="measured"/> width in seconds, rounded to half a second (a trace's faint last millimetre may be lost).</summary>
        private double Seconds(double measured)
        {
            var rounded = Math.Max(0.5, Math.Round(measured * 2) / 2);
            if (measured < 2 || measured > 30)
            {
                Concern(0.5, string.Create(CultureInfo.InvariantCulture, $"the traces span {measured:0.0} s at {options.MillimetersPerSecond} mm/s, unusual for a 12-lead printout"));
            }

            return rounded;
        }

        /// <summary>The gain from the calibration pulses' height, snapped to 5, 10 or 20 mm/mV; 10 when there is none.</summary>
        private double Gain(List<PrintedRow> rows, double pixelsPerMillimetre)
        {
            var heights = rows.Where(row => row.PulseHeight is not null).Select(row => row.PulseHeight!.Value / pixelsPerMillimetre).ToList();
            if (heights.Count == 0)
            {
                Concern(0.9, "no calibration pulse found: the gain is taken as 10 mm/mV and the baseline as each row's median");
                return 10;
            }

            var measured = Median(heights);
            var nearest = StandardGains.MinBy(gain => Math.Abs(Math.Log(measured / gain)));
            if (Math.Abs(Math.Log(measured / nearest)) > 0.2)
            {
                Concern(0.7, string.Create(CultureInfo.InvariantCulture, $"the calibration pulse is {measured:0.0} mm tall, not 5, 10 or 20 mm: the gain is taken as {nearest} mm/mV"));
            }

            return nearest;
        }

        private void CheckCoverage(ImmutableArray<DigitizedPanel> panels)
        {
            var lost = panels.Count(panel => panel.Coverage < 0.8);
            if (lost > 0)
            {
                Concern(Math.Max(0.1, 1 - (lost / (double)panels.Length * 2)), string.Create(CultureInfo.InvariantCulture,
                    $"traces lost: {lost} of {panels.Length} panels have trace in under 80 % of their width"));
            }
        }

        private static double RowSpacing(List<PrintedRow> rows, int index) =>
            rows.Count < 2 ? 30 : index + 1 < rows.Count ? rows[index + 1].Baseline - rows[index].Baseline : rows[index].Baseline - rows[index - 1].Baseline;

        /// <summary>
        /// The rhythm strip's lead: its first quarter shows the same moments as the first column, so it is the lead of
        /// that column (I, II or III) it correlates with best; lead II, the usual choice, when none matches well.
        /// </summary>
        private static string RhythmLead(List<Stretch> stretches)
        {
            var rhythm = stretches[12];
            var (best, bestCorrelation) = ("II", 0.8);
            foreach (var candidate in stretches.Take(12).Where(stretch => stretch.Panel.StartSeconds == 0))
            {
                var length = Math.Min(candidate.Heights.Length, rhythm.Heights.Length);
                var correlation = Correlation(candidate.Heights.AsSpan(0, length), rhythm.Heights.AsSpan(0, length));
                if (correlation > bestCorrelation)
                {
                    (best, bestCorrelation) = (candidate.Panel.Lead, correlation);
                }
            }

            return best;
        }

        private static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            double sa = 0, sb = 0, n = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (double.IsFinite(a[i]) && double.IsFinite(b[i]))
                {
                    (sa, sb, n) = (sa + a[i], sb + b[i], n + 1);
                }
            }

            if (n < 10)
            {
                return 0;
            }

            var (ma, mb) = (sa / n, sb / n);
            double cov = 0, va = 0, vb = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (double.IsFinite(a[i]) && double.IsFinite(b[i]))
                {
                    (cov, va, vb) = (cov + ((a[i] - ma) * (b[i] - mb)), va + ((a[i] - ma) * (a[i] - ma)), vb + ((b[i] - mb) * (b[i] - mb)));
                }
            }

            return va > 0 && vb > 0 ? cov / Math.Sqrt(va * vb) : 0;
        }

        private static DigitizedPanel Panel(LeadPanel panel, double[] heights, int from, PaperTransform transform, int gridLeft, int gridTop, double pixelsPerMillimetre)
        {
            var points = ImmutableArray.CreateBuilder<ImagePoint>(heights.Length);
            var found = 0;
            for (var i = 0; i < heights.Length; i++)
            {
                if (double.IsFinite(heights[i]))
                {
                    found++;
                    points.Add(transform.ToImage((from + i - gridLeft) / pixelsPerMillimetre, (heights[i] - gridTop) / pixelsPerMillimetre));
                }
            }

            return new DigitizedPanel(panel, points.ToImmutable(), heights.Length == 0 ? 0 : found / (double)heights.Length);
        }

        /// <summary>The twelve leads from the traced stretches, each sample read between columns where its moment falls.</summary>
        private EcgRecord Record(List<Stretch> stretches, double seconds, double pixelsPerSecond, double pixelsPerMillivolt)
        {
            var rate = options.SamplingRate;
            var count = rate.SamplesIn(seconds);
            var leads = PrintoutLayout.TwelveLeads.ToDictionary(lead => lead, _ => Enumerable.Repeat(double.NaN, count).ToArray(), StringComparer.Ordinal);
            var pixelsPerSample = pixelsPerSecond / rate.Hertz;
            var maxGap = (int)Math.Round(3 * pixelsPerSecond / options.MillimetersPerSecond);
            var edge = (int)Math.Ceiling(0.5 * pixelsPerSecond / options.MillimetersPerSecond);

            // Panels in layout order, so that the rhythm strip (last) gives its lead the whole duration.
            foreach (var stretch in stretches)
            {
                var filled = TraceResampling.FillGaps(stretch.Heights, maxGap);
                TraceResampling.ExtendEnds(filled, edge);
                var first = rate.SamplesIn(stretch.Panel.StartSeconds);
                var last = Math.Min(count, rate.SamplesIn(stretch.Panel.StartSeconds + stretch.Panel.DurationSeconds));
                var offset = stretch.FirstMoment - stretch.From;
                var samples = leads[stretch.Panel.Lead];
                for (var n = first; n < last; n++)
                {
                    var height = TraceResampling.At(filled, offset + ((n - first) * pixelsPerSample));
                    if (double.IsFinite(height))
                    {
                        samples[n] = (stretch.Baseline - height) / pixelsPerMillivolt;
                    }
                }
            }

            return new EcgRecord([.. PrintoutLayout.TwelveLeads.Select(lead => EcgLead.FromOwnedArray(lead, leads[lead]))], rate);
        }

        private static EcgMetadata Metadata(DigitizedPrintout printout) => new()
        {
            SourceFormat = SourceFormat,
            Comments = [.. printout.Concerns],
            Properties = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["digitizer.confidence"] = printout.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                ["digitizer.arrangement"] = printout.Layout.Arrangement.ToString(),
                ["digitizer.millimetersPerSecond"] = printout.Layout.Scale.MillimetersPerSecond.ToString(CultureInfo.InvariantCulture),
                ["digitizer.millimetersPerMillivolt"] = printout.Layout.Scale.MillimetersPerMillivolt.ToString(CultureInfo.InvariantCulture),
                ["digitizer.pixelsPerMillimeter"] = printout.PixelsPerMillimeter.ToString("0.###", CultureInfo.InvariantCulture),
            }),
        };

        /// <summary>One panel's traced heights (pixel rows, NaN where none) from image column <paramref name="From"/> on.</summary>
        /// <param name="Panel">The panel as found.</param>
        /// <param name="Heights">The trace's height in each column.</param>
        /// <param name="Baseline">The 0 mV pixel row.</param>
        /// <param name="From">The image column of the first height.</param>
        /// <param name="FirstMoment">The image column, to a fraction of a pixel, where the panel's first moment lies.</param>
        private sealed record Stretch(LeadPanel Panel, double[] Heights, double Baseline, int From, double FirstMoment);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
        }
    }
}
