using EcgScope.Imaging.Degradation;
using EcgScope.Imaging.Layout;
using EcgScope.Imaging.Rendering;
using EcgScope.Imaging.Tests.Rendering;
using OpenCvSharp;

namespace EcgScope.Imaging.Tests.Degradation;

public sealed class DegradationTests
{
    private static readonly PrintoutLayout Layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard);

    public static TheoryData<string> Presets => [.. DegradationPresets.All.Select(preset => preset.Name)];

    public static TheoryData<string> Steps => ["rotation", "perspective", "blur", "jpeg", "noise", "lighting", "creases", "pen"];

    [Theory]
    [MemberData(nameof(Steps))]
    public void Each_degradation_gives_the_same_bytes_for_the_same_seed_and_others_for_another(string name)
    {
        using var printout = PrintoutRenderer.Render(TestRecords.Pulses(), Layout);
        var pipeline = new DegradationPipeline(name, [Step(name, 0.8)]);

        using var first = pipeline.Apply(printout, seed: 7);
        using var again = pipeline.Apply(printout, seed: 7);
        using var other = pipeline.Apply(printout, seed: 8);

        Assert.Equal(Bytes(first.Image), Bytes(again.Image));
        Assert.NotEqual(Bytes(printout.Image), Bytes(first.Image));
        if (name is not ("blur" or "jpeg"))
        {
            // Blur and JPEG draw nothing at random: only the others differ by seed.
            Assert.NotEqual(Bytes(first.Image), Bytes(other.Image));
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void The_homography_still_finds_every_panels_one_millivolt_step_after_a_preset(string name)
    {
        using var printout = PrintoutRenderer.Render(TestRecords.Pulses(), Layout);

        // Pen marks may cover a trace on purpose: here they would hide what the map is checked against.
        var preset = DegradationPresets.Find(name)!;
        var withoutPen = preset with { Steps = [.. preset.Steps.Where(step => step is not PenMarks)] };
        using var degraded = withoutPen.Apply(printout, seed: 11);
        var probe = new PixelProbe(degraded.Image);

        foreach (var panel in Layout.Panels)
        {
            // Up and down the paper through the middle of the step's top, 2 mm each way: the darkest point is the
            // pen's stroke at 1 mV, within 0.025 mV (a quarter of a millimetre, 2 px at most).
            var seconds = panel.StartSeconds + 1.1;
            var darkestMillivolts = Enumerable.Range(-16, 33).Select(step => 1 + (step * 0.0125))
                .MinBy(millivolts => Level(probe, degraded.Truth.ImagePoint(panel, seconds, millivolts)));
            Assert.True(Math.Abs(darkestMillivolts - 1) <= 0.025, $"{name}: {panel.Lead}'s step found at {darkestMillivolts:0.000} mV through the map.");
        }
    }

    [Theory]
    [InlineData("rotation")]
    [InlineData("perspective")]
    public void Geometric_degradations_move_the_page_and_the_homography_with_it(string name)
    {
        using var printout = PrintoutRenderer.Render(TestRecords.Pulses(), Layout);
        using var degraded = new DegradationPipeline(name, [Step(name, 1)]).Apply(printout, seed: 3);

        var panel = Layout.Panels[^1];
        var before = printout.Truth.ImagePoint(panel, 8.6, 1);
        var after = degraded.Truth.ImagePoint(panel, 8.6, 1);
        Assert.True(Math.Abs(after.X - before.X) + Math.Abs(after.Y - before.Y) > 5, $"{name} hardly moved the page: {before} → {after}.");
        Assert.True(Level(new PixelProbe(degraded.Image), after) < 110, $"{name}: no ink at the mapped step {after}.");
        Assert.Equal(printout.Truth.Record, degraded.Truth.Record);
    }

    [Fact]
    public void A_strength_outside_zero_to_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blur(1.5));

    [Fact]
    public void Jpeg_quality_runs_from_95_to_15() =>
        Assert.Equal((95, 55, 15), (new JpegCompression(0).Quality, new JpegCompression(0.5).Quality, new JpegCompression(1).Quality));

    private static PrintoutDegradation Step(string name, double strength) => name switch
    {
        "rotation" => new Rotation(strength),
        "perspective" => new Perspective(strength),
        "blur" => new Blur(strength),
        "jpeg" => new JpegCompression(strength),
        "noise" => new GaussianNoise(strength),
        "lighting" => new UnevenLighting(strength),
        "creases" => new Creases(strength),
        "pen" => new PenMarks(strength),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Bytes(Mat image)
    {
        image.GetArray(out Vec3b[] pixels);
        return [.. pixels.SelectMany(pixel => new[] { pixel.Item0, pixel.Item1, pixel.Item2 })];
    }

    private static byte Level(PixelProbe probe, (double X, double Y) point) => probe.Level((int)Math.Round(point.X), (int)Math.Round(point.Y));
}
