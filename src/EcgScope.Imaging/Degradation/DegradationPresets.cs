using System.Collections.Immutable;

namespace EcgScope.Imaging.Degradation;

/// <summary>The named degradation sets the digitizer is scored on, from none to a crumpled phone photo.</summary>
public static class DegradationPresets
{
    /// <summary>The image as rendered.</summary>
    public static DegradationPipeline Clean { get; } = new("clean", []);

    /// <summary>A flatbed scan: a slight tilt, softness, a little noise, good JPEG.</summary>
    public static DegradationPipeline Scan { get; } = new("scan", [new Rotation(0.25), new Blur(0.2), new GaussianNoise(0.15), new JpegCompression(0.2)]);

    /// <summary>A phone photo: perspective, tilt, uneven light, blur, noise and JPEG.</summary>
    public static DegradationPipeline Photo { get; } = new(
        "photo",
        [new Perspective(0.5), new Rotation(0.3), new UnevenLighting(0.5), new Blur(0.35), new GaussianNoise(0.3), new JpegCompression(0.5)]);

    /// <summary>A handled, folded, written-on page photographed badly.</summary>
    public static DegradationPipeline Rough { get; } = new(
        "rough",
        [new Creases(0.7), new PenMarks(0.7), new Perspective(0.8), new Rotation(0.6), new UnevenLighting(0.8), new Blur(0.6), new GaussianNoise(0.6), new JpegCompression(0.8)]);

    /// <summary>Every preset, mildest first.</summary>
    public static ImmutableArray<DegradationPipeline> All { get; } = [Clean, Scan, Photo, Rough];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static DegradationPipeline? Find(string name) =>
        All.FirstOrDefault(preset => string.Equals(preset.Name, name, StringComparison.OrdinalIgnoreCase));
}
