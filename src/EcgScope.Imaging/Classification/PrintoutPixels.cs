using EcgScope.Core;
using EcgScope.Imaging.Digitizing;
using EcgScope.Inference.Models;
using OpenCvSharp;

namespace EcgScope.Imaging.Classification;

/// <summary>
/// The preprocessing of the printout classifiers, shared by training and serving so both see the same pixels: decode
/// the image, crop the area the ECG paper grid covers (leaving out the header and footer, whose patient number, date
/// and machine text say nothing about the heart and could leak between images), resize it and scale the pixels as the
/// model's card says (<see cref="ImageInputSpec"/>).
/// </summary>
public static class PrintoutPixels
{
    /// <summary>A row or column belongs to the grid when its (smoothed) count of grid-coloured pixels reaches this part of the busiest one's.</summary>
    private const double GridShareOfBusiest = 0.1;

    /// <summary>Counts are smoothed over this share of the side, so the faint gaps between grid lines do not split the grid.</summary>
    private const double SmoothingShare = 1.0 / 60;

    /// <summary>A grid found smaller than this share of the image (either side) is not trusted; the whole image is used.</summary>
    private const double SmallestGridShare = 0.4;

    /// <summary>
    /// How much redder than green a pixel of the pink or red grid is at least, in 8-bit levels: little, as the fine
    /// lines of a downscaled printout are only a few levels redder than the paper, which is neutral.
    /// </summary>
    private const int GridRedness = 2;

    /// <summary>Reads and decodes an image file (JPEG, PNG, ...) as 8-bit BGR.</summary>
    /// <exception cref="EcgFormatException">The file is not an image OpenCV can decode.</exception>
    public static Mat Read(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>Decodes image bytes as 8-bit BGR (as <see cref="PrintoutDigitizer.Decode"/>); <paramref name="source"/> names them in errors.</summary>
    /// <exception cref="EcgFormatException">The bytes are not an image OpenCV can decode, or one too large.</exception>
    public static Mat Decode(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return PrintoutDigitizer.Decode(bytes, source);
    }

    /// <summary>
    /// The rectangle of the ECG paper grid: the extent of the rows and of the columns rich in reddish pixels (pink and
    /// red grids, as on the printouts of the dataset); the whole image where no such grid is found (a grey scan).
    /// </summary>
    public static Rect FindGrid(Mat bgr) => TryFindGrid(bgr, out var grid) ? grid : new Rect(0, 0, bgr.Width, bgr.Height);

    /// <summary>Finds the rectangle of the ECG paper grid as <see cref="FindGrid"/> does; false (and the whole image) where there is none.</summary>
    public static bool TryFindGrid(Mat bgr, out Rect grid)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var channels = bgr.Split();
        try
        {
            using var redness = new Mat();
            Cv2.Subtract(channels[2], channels[1], redness);
            using var mask = new Mat();
            Cv2.Threshold(redness, mask, GridRedness, 1, ThresholdTypes.Binary);
            using var rows = new Mat();
            using var columns = new Mat();
            Cv2.Reduce(mask, rows, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32S);
            Cv2.Reduce(mask, columns, ReduceDimension.Row, ReduceTypes.Sum, MatType.CV_32S);
            var (top, bottom) = BusyExtent(Values(rows));
            var (left, right) = BusyExtent(Values(columns));
            var width = right - left + 1;
            var height = bottom - top + 1;
            var found = width >= bgr.Width * SmallestGridShare && height >= bgr.Height * SmallestGridShare;
            grid = found ? new Rect(left, top, width, height) : new Rect(0, 0, bgr.Width, bgr.Height);
            return found;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>The grid area of <paramref name="bgr"/> resized to the spec's size, as 8-bit BGR (a new image).</summary>
    public static Mat GridArea(Mat bgr, ImageInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(spec);
        using var grid = new Mat(bgr, FindGrid(bgr));
        var resized = new Mat();
        Cv2.Resize(grid, resized, new Size(spec.Width, spec.Height), interpolation: InterpolationFlags.Area);
        return resized;
    }

    /// <summary>
    /// The network input of an image as <paramref name="spec"/> says: the grid area resized, channels first
    /// (<see cref="ImageInputSpec.Length"/> values).
    /// </summary>
    public static float[] Input(Mat bgr, ImageInputSpec spec)
    {
        using var area = GridArea(bgr, spec);
        return Scale(area, spec);
    }

    /// <summary>Scales a BGR image already of the spec's size into network input, channels first.</summary>
    public static float[] Scale(Mat sizedBgr, ImageInputSpec spec)
    {
        ArgumentNullException.ThrowIfNull(sizedBgr);
        ArgumentNullException.ThrowIfNull(spec);
        if (sizedBgr.Width != spec.Width || sizedBgr.Height != spec.Height || sizedBgr.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"Expected an 8-bit BGR image of {spec.Width} x {spec.Height}, got {sizedBgr.Width} x {sizedBgr.Height} ({sizedBgr.Type()}).", nameof(sizedBgr));
        }

        var plane = spec.Width * spec.Height;
        var input = new float[spec.Length];
        if (spec.Pixels == ImagePixels.InkGrey)
        {
            using var grey = new Mat();
            Cv2.CvtColor(sizedBgr, grey, ColorConversionCodes.BGR2GRAY);
            grey.GetArray(out byte[] levels);
            for (var i = 0; i < plane; i++)
            {
                input[i] = 1 - (levels[i] / 255f);
            }

            return input;
        }

        sizedBgr.GetArray(out Vec3b[] pixels);
        for (var i = 0; i < plane; i++)
        {
            input[i] = pixels[i].Item2;
            input[plane + i] = pixels[i].Item1;
            input[(2 * plane) + i] = pixels[i].Item0;
        }

        return input;
    }

    private static int[] Values(Mat sums)
    {
        sums.GetArray(out int[] values);
        return values;
    }

    /// <summary>
    /// The first and last index whose moving mean reaches a share of the largest: the extent of the grid, not its
    /// longest run, since rows of traces and calibration pulses thin the grid out inside it.
    /// </summary>
    private static (int First, int Last) BusyExtent(int[] raw)
    {
        var half = Math.Max(2, (int)(raw.Length * SmoothingShare / 2));
        var counts = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            int from = Math.Max(0, i - half), to = Math.Min(raw.Length - 1, i + half);
            var sum = 0.0;
            for (var j = from; j <= to; j++)
            {
                sum += raw[j];
            }

            counts[i] = sum / (to - from + 1);
        }

        var threshold = Math.Max(1, counts.Max() * GridShareOfBusiest);
        var first = Array.FindIndex(counts, count => count >= threshold);
        var last = Array.FindLastIndex(counts, count => count >= threshold);
        // The moving mean rises half a window before the grid starts and falls half a window after it ends.
        return first < 0 ? (0, -1) : (Math.Min(first + half, last), Math.Max(last - half, first));
    }
}
