using OpenCvSharp;

namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// The two kinds of marks on a printout, one byte per pixel: ink (1 = the dark trace, text and calibration pulses) and
/// a grid weight (how coloured or grey a pixel that is not ink is: the pink, red, orange or grey millimetre grid; on a
/// small JPEG copy the grid has lost its colour and is only a little darker than the paper).
/// </summary>
internal sealed class PageMasks
{
    private PageMasks(int width, int height, byte[] ink, byte[] grid, int inkThreshold)
    {
        Width = width;
        Height = height;
        Ink = ink;
        Grid = grid;
        InkThreshold = inkThreshold;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Dark pixels, row by row.</summary>
    public byte[] Ink { get; }

    /// <summary>Per pixel, row by row: 0 for ink and paper, up to <see cref="MaxGridWeight"/> for coloured or grey pixels.</summary>
    public byte[] Grid { get; }

    /// <summary>The brightest channel value still counted as ink (0..255).</summary>
    public int InkThreshold { get; }

    /// <summary>The largest grid weight: a pixel this far from the paper's colour counts as much as a darker one.</summary>
    public const int MaxGridWeight = 80;

    public bool IsInk(int x, int y) => Ink[(y * Width) + x] != 0;

    /// <summary>
    /// Clears specks of ink smaller than <paramref name="size"/> pixels both ways (dots of a dark grid, scanner dust,
    /// JPEG noise), which would otherwise join into lines that look like flat traces.
    /// </summary>
    public void RemoveSpecks(int size)
    {
        using var ink = Mat.FromPixelData(Height, Width, MatType.CV_8UC1, Ink);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids, PixelConnectivity.Connectivity8, MatType.CV_32S);
        var speck = new bool[count];
        for (var label = 1; label < count; label++)
        {
            speck[label] = stats.At<int>(label, (int)ConnectedComponentsTypes.Width) < size && stats.At<int>(label, (int)ConnectedComponentsTypes.Height) < size;
        }

        var labelled = labels.AsSpan<int>();
        for (var i = 0; i < Ink.Length; i++)
        {
            if (speck[labelled[i]])
            {
                Ink[i] = 0;
            }
        }
    }

    /// <summary>
    /// Classifies each pixel of a BGR image by its brightest channel (ink is dark in every channel, so a saturated red
    /// grid line never counts as ink); the rest is weighted by saturation plus darkness below the paper's brightness.
    /// </summary>
    public static PageMasks From(Mat bgr)
    {
        using var continuous = bgr.IsContinuous() ? null : bgr.Clone();
        var pixels = (continuous ?? bgr).AsSpan<byte>();
        var count = bgr.Width * bgr.Height;
        var brightest = new byte[count];
        var saturation = new byte[count];
        Span<int> histogram = stackalloc int[256];
        for (var i = 0; i < count; i++)
        {
            var (b, g, r) = (pixels[3 * i], pixels[(3 * i) + 1], pixels[(3 * i) + 2]);
            var max = Math.Max(b, Math.Max(g, r));
            var min = Math.Min(b, Math.Min(g, r));
            brightest[i] = max;
            saturation[i] = (byte)(max - min);
            histogram[max]++;
        }

        var inkThreshold = InkThresholdFrom(histogram, count);
        var paper = PaperBrightness(histogram);
        var ink = new byte[count];
        var grid = new byte[count];
        for (var i = 0; i < count; i++)
        {
            if (brightest[i] <= inkThreshold)
            {
                ink[i] = 1;
            }
            else
            {
                grid[i] = (byte)Math.Clamp(saturation[i] + paper - brightest[i], 0, MaxGridWeight);
            }
        }

        return new PageMasks(bgr.Width, bgr.Height, ink, grid, inkThreshold);
    }

    /// <summary>
    /// Otsu's threshold of the brightest-channel histogram, kept between 60 and 120: ink on a printout is a small
    /// share of pixels, so the histogram is lopsided, and a clamp stops the grid from being called ink on a clean page
    /// or a thin, anti-aliased trace from being lost on a pale one.
    /// </summary>
    private static int InkThresholdFrom(ReadOnlySpan<int> histogram, int count)
    {
        double total = 0;
        for (var v = 0; v < 256; v++)
        {
            total += v * (double)histogram[v];
        }

        double below = 0, belowSum = 0, best = -1;
        var threshold = 100;
        for (var v = 0; v < 255; v++)
        {
            below += histogram[v];
            belowSum += v * (double)histogram[v];
            var above = count - below;
            if (below == 0 || above == 0)
            {
                continue;
            }

            var difference = (belowSum / below) - ((total - belowSum) / above);
            var between = below * above * difference * difference;
            if (between > best)
            {
                (best, threshold) = (between, v);
            }
        }

        return Math.Clamp(threshold, 60, 120);
    }

    /// <summary>The most common brightness among the bright half of the pixels: the paper's own colour.</summary>
    private static int PaperBrightness(ReadOnlySpan<int> histogram)
    {
        var mode = 255;
        for (var v = 128; v < 256; v++)
        {
            if (histogram[v] > histogram[mode])
            {
                mode = v;
            }
        }

        return mode;
    }
}
