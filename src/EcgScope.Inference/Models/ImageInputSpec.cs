using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EcgScope.Inference.Models;

/// <summary>How the pixels of a printout image reach a network.</summary>
public enum ImagePixels
{
    /// <summary>One channel of ink: 0 for white paper, 1 for black ink (1 − grey / 255).</summary>
    InkGrey,

    /// <summary>Three channels, red, green, blue, each 0 … 255 (the backbone's own first stage normalises them).</summary>
    Rgb255,
}

/// <summary>
/// What an image model takes in, declared in its card: the grid area of the printout (the rectangle its ECG paper
/// grid covers, leaving out the header and footer text) resized to <see cref="Width"/> × <see cref="Height"/>
/// pixels, as <see cref="Pixels"/> says, channels first. The image operations live in EcgScope.Imaging.
/// </summary>
public sealed record ImageInputSpec
{
    /// <summary>The network's input width, in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>The network's input height, in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>The channels and their scale.</summary>
    public required ImagePixels Pixels { get; init; }

    /// <summary>A pretrained network that turns the pixels into features before the card's own weights, or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageBackbone? Backbone { get; init; }

    /// <summary>Values per image (channels × height × width).</summary>
    [JsonIgnore]
    public int Length => (Pixels == ImagePixels.InkGrey ? 1 : 3) * Width * Height;
}

/// <summary>
/// A pretrained backbone that ships in a NuGet package (never in the repository): ONNX files run one after another,
/// each one's only output the next one's only input, found in the NuGet packages folder and checked by SHA-256.
/// </summary>
/// <param name="Package">The package id, e.g. <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c>.</param>
/// <param name="Version">The package version.</param>
/// <param name="Stages">The ONNX files, in order, relative to the package folder.</param>
public sealed record ImageBackbone(string Package, string Version, ImmutableArray<ModelWeights> Stages)
{
    /// <summary>The environment variable NuGet itself reads for its packages folder.</summary>
    public const string PackagesVariable = "NUGET_PACKAGES";

    /// <summary>
    /// The package's folder: <c>$NUGET_PACKAGES/ID/VERSION</c> (lower-case id, as NuGet lays it out), else
    /// <c>~/.nuget/packages/ID/VERSION</c>; a restore of EcgScope.Imaging puts it there.
    /// </summary>
    [JsonIgnore]
    public string PackageFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable(PackagesVariable) is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
#pragma warning disable CA1308 // NuGet's folder layout is lower-case by definition.
            return Path.Combine(root, Package.ToLowerInvariant(), Version.ToLowerInvariant());
#pragma warning restore CA1308
        }
    }
}
