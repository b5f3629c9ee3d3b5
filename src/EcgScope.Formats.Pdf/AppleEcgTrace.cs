using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace EcgScope.Formats.Pdf;

/// <summary>One strip's trace: the y of every point, in page points (up is positive), and where in the strip it starts.</summary>
/// <param name="Clip">The strip's clipping rectangle.</param>
/// <param name="FirstSample">
/// Sample steps from the strip's left edge to the trace's first point: 0 for a full strip, 185 for Apple's first strip,
/// whose trace starts after the calibration pulse.
/// </param>
/// <param name="Heights">Page y of each point, one point per sample.</param>
internal sealed record StripTrace(PdfRectangle Clip, int FirstSample, double[] Heights)
{
    /// <summary>Sample steps from the left edge to one past the trace's last point.</summary>
    public int EndSample => FirstSample + Heights.Length;
}

/// <summary>
/// Finds the ECG trace among the page's paths and turns it into samples. The trace is every stroked path in Apple's
/// red, RGB (0.8039, 0.0392, 0.1255); each belongs to the strip whose clipping rectangle (<c>x y w h re W n</c>)
/// was set last before it and spans its start. PdfPig hands the paths over with the current transformation already
/// applied, so Apple's <c>1 0 0 -1 40 Y cm</c> flip is undone: a point's page y is Y − y_path, up positive.
/// Within a strip the subpaths of 128 points each repeat the previous one's last point; the repeat is dropped, and
/// what is left must advance by one x step per sample with no gap.
/// </summary>
internal static class AppleEcgTrace
{
    private const double ColourTolerance = 0.01;

    /// <summary>Relative deviation allowed between the x step on the page and the one paper speed and rate imply.</summary>
    private const double StepTolerance = 0.01;

    /// <summary>How far, in sample steps, a strip's first or last point may lie from a whole number of steps from its left edge.</summary>
    private const double WholeStepTolerance = 0.25;

    /// <summary>Whether a path is part of the ECG trace: stroked in Apple's trace red.</summary>
    public static bool IsTrace(PdfPath path)
    {
        if (!path.IsStroked || path.StrokeColor is null)
        {
            return false;
        }

        var (r, g, b) = path.StrokeColor.ToRGBValues();
        return Math.Abs(r - 0.8039) < ColourTolerance && Math.Abs(g - 0.0392) < ColourTolerance && Math.Abs(b - 0.1255) < ColourTolerance;
    }

    /// <summary>The strips, top to bottom, each with one page y per sample.</summary>
    /// <param name="paths">The page's paths in drawing order.</param>
    /// <param name="xStep">Points per sample: paper speed in points per second over the sampling rate.</param>
    /// <param name="fail">Makes the exception for a malformed trace.</param>
    public static IReadOnlyList<StripTrace> ReadStrips(IReadOnlyList<PdfPath> paths, double xStep, Func<string, Exception> fail)
    {
        var strips = new List<(PdfRectangle Clip, List<PdfSubpath> Subpaths)>();
        var clips = new List<PdfRectangle>();
        foreach (var path in paths)
        {
            if (path.IsClipping && path.Count == 1 && path[0].IsDrawnAsRectangle)
            {
                clips.Add(path.GetBoundingRectangle() ?? default);
            }
            else if (IsTrace(path) && path.Count > 0)
            {
                var startX = StartOf(path[0], fail).X;
                var clip = clips.LastOrDefault(c => startX > c.Left - xStep && startX < c.Right);
                if (clip.Width <= 0)
                {
                    throw fail(FormattableString.Invariant($"a trace path starting at x = {startX:0.###} pt lies in no strip (no clipping rectangle spans it)."));
                }

                var strip = strips.FindIndex(s => s.Clip.Equals(clip));
                if (strip < 0)
                {
                    strips.Add((clip, []));
                    strip = strips.Count - 1;
                }

                strips[strip].Subpaths.AddRange(path);
            }
        }

        return strips
            .OrderByDescending(s => s.Clip.Top)
            .Select((s, index) => Sample(s.Subpaths, s.Clip, xStep, index + 1, fail))
            .ToList();
    }

    /// <summary>Chains the subpaths into one point per sample, checks the x spacing and places the points on whole sample steps.</summary>
    private static StripTrace Sample(List<PdfSubpath> subpaths, PdfRectangle clip, double xStep, int strip, Func<string, Exception> fail)
    {
        var points = new List<PdfPoint>(subpaths.Count * 128);
        foreach (var subpath in subpaths)
        {
            foreach (var command in subpath.Commands)
            {
                var point = command switch
                {
                    PdfSubpath.Move move => move.Location,
                    PdfSubpath.Line line => line.To,
                    PdfSubpath.Close => (PdfPoint?)null,
                    _ => throw fail(FormattableString.Invariant($"strip {strip}: the trace has a curve; Apple draws it with straight lines only.")),
                };

                // A subpath begins where the one before ended: keep that point once.
                if (point is { } p && (points.Count == 0 || !IsSamePoint(points[^1], p, xStep)))
                {
                    points.Add(p);
                }
            }
        }

        if (points.Count == 0)
        {
            throw fail(FormattableString.Invariant($"strip {strip}: the trace has no points."));
        }

        var heights = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0 && Math.Abs(points[i].X - points[i - 1].X - xStep) > StepTolerance * xStep)
            {
                throw fail(FormattableString.Invariant(
                    $"strip {strip}: x advances {points[i].X - points[i - 1].X:0.######} pt from point {i - 1} to {i}, not one sample ({xStep:0.######} pt at the footer's paper speed and rate): {(points[i].X - points[i - 1].X) / xStep:0.##} samples."));
            }

            heights[i] = points[i].Y;
        }

        var firstSample = WholeStepsFromLeft(points[0], clip, xStep, strip, "starts", fail);
        var lastSample = WholeStepsFromLeft(points[^1], clip, xStep, strip, "ends", fail);
        if (lastSample != firstSample + points.Count - 1)
        {
            throw fail(FormattableString.Invariant(
                $"strip {strip}: its {points.Count} points span {lastSample - firstSample + 1} sample steps from x = {points[0].X:0.###} to {points[^1].X:0.###} pt: the x steps drift from one sample each."));
        }

        return new StripTrace(clip, firstSample, heights);
    }

    /// <summary>Sample steps from the strip's left edge to <paramref name="point"/>, which must lie on a whole step.</summary>
    private static int WholeStepsFromLeft(PdfPoint point, PdfRectangle clip, double xStep, int strip, string which, Func<string, Exception> fail)
    {
        var steps = (point.X - clip.Left) / xStep;
        var whole = (int)Math.Round(steps);
        return whole >= 0 && Math.Abs(steps - whole) <= WholeStepTolerance
            ? whole
            : throw fail(FormattableString.Invariant(
                $"strip {strip}: the trace {which} at x = {point.X:0.###} pt, {steps:0.##} sample steps from the strip's left edge ({clip.Left:0.###} pt), not on a whole step."));
    }

    private static bool IsSamePoint(PdfPoint a, PdfPoint b, double xStep) =>
        Math.Abs(a.X - b.X) < xStep / 4 && Math.Abs(a.Y - b.Y) < 1e-4;

    private static PdfPoint StartOf(PdfSubpath subpath, Func<string, Exception> fail) =>
        subpath.Commands.Count > 0 && subpath.Commands[0] is PdfSubpath.Move move
            ? move.Location
            : throw fail("a trace subpath does not begin with a move.");
}
