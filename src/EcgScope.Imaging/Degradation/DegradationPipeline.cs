using System.Collections.Immutable;
using EcgScope.Imaging.Rendering;

namespace EcgScope.Imaging.Degradation;

/// <summary>Degradations applied one after the other, all drawn from one seed: the same seed gives the same bytes.</summary>
/// <param name="Name">What the pipeline is called (a preset's name).</param>
/// <param name="Steps">The degradations, in the order they happen to the page.</param>
public sealed record DegradationPipeline(string Name, ImmutableArray<PrintoutDegradation> Steps)
{
    /// <summary>
    /// A new printout: <paramref name="printout"/>'s image degraded step by step, and its truth with the image-from-paper
    /// map carried through every warp. The input is left as it was.
    /// </summary>
    public RenderedPrintout Apply(RenderedPrintout printout, int seed)
    {
        ArgumentNullException.ThrowIfNull(printout);
        var random = new Random(seed);
        var image = printout.Image.Clone();
        var imageFromPaper = printout.Truth.ImageFromPaper;
        foreach (var step in Steps)
        {
            var (next, warp) = step.Apply(image, random);
            image.Dispose();
            image = next;
            imageFromPaper = imageFromPaper.Then(warp);
        }

        return new RenderedPrintout(image, printout.Truth with { ImageFromPaper = imageFromPaper });
    }

    /// <inheritdoc />
    public bool Equals(DegradationPipeline? other) => other is not null && Name == other.Name && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Steps.Length);
}
