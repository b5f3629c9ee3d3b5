using OpenCvSharp;

namespace EcgScope.Imaging.Tests.Rendering;

/// <summary>Reads ink off a rendered image: runs of dark pixels along a column or a row.</summary>
internal sealed class PixelProbe
{
    private readonly byte[] grey;
    private readonly int width;
    private readonly int height;

    public PixelProbe(Mat bgr)
    {
        using var greyImage = new Mat();
        Cv2.CvtColor(bgr, greyImage, ColorConversionCodes.BGR2GRAY);
        (width, height) = (greyImage.Width, greyImage.Height);
        greyImage.GetArray(out grey);
    }

    /// <summary>Whether the pixel is darker than <paramref name="threshold"/> (0 black, 255 white).</summary>
    public bool IsDark(int x, int y, int threshold = 100) => Level(x, y) < threshold;

    /// <summary>The grey level at a pixel.</summary>
    public byte Level(int x, int y) => grey[(y * width) + x];

    /// <summary>
    /// The centre of the run of dark pixels in column <paramref name="x"/> nearest to <paramref name="y"/>, searching
    /// <paramref name="reach"/> pixels up and down; null when there is none.
    /// </summary>
    public double? NearestRunCentre(int x, double y, int reach, int threshold = 100)
    {
        var centre = (int)Math.Round(y);
        for (var distance = 0; distance <= reach; distance++)
        {
            foreach (var row in new[] { centre - distance, centre + distance })
            {
                if (row >= 0 && row < height && IsDark(x, row, threshold))
                {
                    var (top, bottom) = (row, row);
                    while (top > 0 && IsDark(x, top - 1, threshold))
                    {
                        top--;
                    }

                    while (bottom < height - 1 && IsDark(x, bottom + 1, threshold))
                    {
                        bottom++;
                    }

                    return (top + bottom) / 2.0;
                }
            }
        }

        return null;
    }

    /// <summary>The distance from (<paramref name="x"/>, <paramref name="y"/>) to the nearest dark pixel of its column, up to <paramref name="reach"/>.</summary>
    public int? DistanceToInk(int x, double y, int reach, int threshold = 100)
    {
        var centre = (int)Math.Round(y);
        for (var distance = 0; distance <= reach; distance++)
        {
            if (IsDark(x, centre - distance, threshold) || IsDark(x, centre + distance, threshold))
            {
                return distance;
            }
        }

        return null;
    }

    /// <summary>The centres of the runs of pixels darker than <paramref name="threshold"/> along row <paramref name="y"/> between two columns.</summary>
    public List<double> RunCentresAlongRow(int y, int fromX, int toX, int threshold)
    {
        var centres = new List<double>();
        var start = -1;
        for (var x = fromX; x <= toX + 1; x++)
        {
            var dark = x <= toX && Level(x, y) < threshold;
            if (dark && start < 0)
            {
                start = x;
            }
            else if (!dark && start >= 0)
            {
                centres.Add((start + x - 1) / 2.0);
                start = -1;
            }
        }

        return centres;
    }
}
