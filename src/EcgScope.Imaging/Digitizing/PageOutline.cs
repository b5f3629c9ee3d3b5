using OpenCvSharp;

namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// Flattens a photo of a printout taken at an angle: the page, brighter than the table it lies on, is found as a
/// four-cornered outline and warped onto an upright rectangle, then stretched so the grid's squares are square again
/// (how far the page is tilted cannot be told from its outline alone, but its millimetre grid tells it). A scan or a
/// screenshot, whose page fills the picture, is left as it is.
/// </summary>
internal static class PageOutline
{
    /// <summary>The width the outline is looked for at: it needs no detail, and a small image is fast.</summary>
    private const int SearchWidth = 800;

    /// <summary>A page whose corners all lie this close to the picture's corners (share of its size) fills the picture.</summary>
    private const double FillsPictureTolerance = 0.015;

    /// <summary>Grid squares within this share of square need no stretching.</summary>
    private const double SquareTolerance = 0.01;

    /// <summary>
    /// The most a page is stretched to square its grid (either way): a photo steeper than this is not worth reading, and a
    /// grid measured that far from square is more likely misread than that tilted.
    /// </summary>
    private const double MaximumStretch = 1.5;

    private const double MinimumStretch = 1 / MaximumStretch;

    /// <summary>
    /// The page of <paramref name="bgr"/> warped upright, and the homography (3x3, row by row) from <paramref name="bgr"/>'s
    /// pixels to the flattened page's; null when no page outline is found or the page fills the picture.
    /// </summary>
    public static (Mat Page, double[] ImageToPage)? Flatten(Mat bgr)
    {
        if (Find(bgr) is not { } corners)
        {
            return null;
        }

        var width = Math.Max(Distance(corners[0], corners[1]), Distance(corners[3], corners[2]));
        var height = Math.Max(Distance(corners[0], corners[3]), Distance(corners[1], corners[2]));
        var first = Warp(bgr, corners, width, height);

        // Foreshortening leaves one axis short; the grid's squares say by how much.
        var masks = PageMasks.From(first.Page);
        var grid = GridScale.Find(masks.Grid, masks.Width, masks.Height);
        if (grid is null || grid.Periodicity < GridScale.MinimumPeriodicity || Math.Abs(grid.Anisotropy - 1) <= SquareTolerance
            || grid.Anisotropy is < MinimumStretch or > MaximumStretch)
        {
            return first;
        }

        first.Page.Dispose();
        return Warp(bgr, corners, width, height * grid.Anisotropy);
    }

    /// <summary>The page's corners (top-left, top-right, bottom-right, bottom-left) in <paramref name="bgr"/>'s pixels, or null.</summary>
    public static Point2f[]? Find(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var scale = Math.Min(1.0, (double)SearchWidth / bgr.Width);
        using var grey = new Mat();
        Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
        using var small = new Mat();
        Cv2.Resize(grey, small, new Size(), scale, scale, InterpolationFlags.Area);
        Cv2.GaussianBlur(small, small, new Size(5, 5), 0);

        // Paper against table by Otsu's threshold; closing fills the page's own dark marks (trace, text, grid).
        using var paper = new Mat();
        Cv2.Threshold(small, paper, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(15, 15));
        Cv2.MorphologyEx(paper, paper, MorphTypes.Close, kernel);
        Cv2.FindContours(paper, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var largest = contours.MaxBy(contour => Cv2.ContourArea(contour));
        if (largest is null || Cv2.ContourArea(largest) < 0.3 * small.Width * small.Height)
        {
            return null;
        }

        var hull = Cv2.ConvexHull(largest);
        var polygon = Cv2.ApproxPolyDP(hull, 0.02 * Cv2.ArcLength(hull, closed: true), closed: true);
        if (polygon.Length != 4)
        {
            return null;
        }

        var corners = Order([.. polygon.Select(p => new Point2f((float)(p.X / scale), (float)(p.Y / scale)))]);
        Point2f[] picture = [new(0, 0), new(bgr.Width - 1, 0), new(bgr.Width - 1, bgr.Height - 1), new(0, bgr.Height - 1)];
        var tolerance = FillsPictureTolerance * Math.Max(bgr.Width, bgr.Height);
        return corners.Zip(picture).All(pair => Distance(pair.First, pair.Second) <= tolerance) ? null : corners;
    }

    private static (Mat Page, double[] ImageToPage) Warp(Mat bgr, Point2f[] corners, double width, double height)
    {
        var (w, h) = ((int)Math.Round(width), (int)Math.Round(height));
        Point2f[] upright = [new(0, 0), new(w - 1, 0), new(w - 1, h - 1), new(0, h - 1)];
        using var transform = Cv2.GetPerspectiveTransform(corners, upright);
        var page = new Mat();
        Cv2.WarpPerspective(bgr, page, transform, new Size(w, h), InterpolationFlags.Linear, BorderTypes.Replicate);
        transform.GetArray(out double[] coefficients);
        return (page, coefficients);
    }

    /// <summary>Top-left (smallest x + y), top-right (smallest y − x), bottom-right, bottom-left.</summary>
    private static Point2f[] Order(Point2f[] corners) =>
    [
        corners.MinBy(p => p.X + p.Y),
        corners.MinBy(p => p.Y - p.X),
        corners.MaxBy(p => p.X + p.Y),
        corners.MaxBy(p => p.Y - p.X),
    ];

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
