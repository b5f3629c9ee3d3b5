using System.Collections.Immutable;

namespace EcgScope.Inference.Preprocessing;

/// <summary>
/// What a feature model reads: a vector of named measures its caller computes (for the printout feature model,
/// <c>EcgScope.Imaging.Features.PrintoutFeatures</c> of a digitized printout), in <see cref="Names"/> order.
/// </summary>
/// <param name="Names">The feature names, in the model's input order.</param>
/// <param name="MissingValue">What stands for a measure that could not be taken (NaN): the value the model was trained with.</param>
/// <param name="ConfidenceFeature">The feature that says how far the measures can be trusted (0..1), or null for none.</param>
/// <param name="MinimumConfidence">Below this value of <paramref name="ConfidenceFeature"/> the verdict is "inconclusive".</param>
public sealed record FeatureInputSpec(ImmutableArray<string> Names, double MissingValue, string? ConfidenceFeature = null, double MinimumConfidence = 0)
{
    /// <summary>
    /// The model's input row for <paramref name="values"/>, named by <paramref name="names"/>, which must be
    /// <see cref="Names"/> in order; NaN and infinities become <see cref="MissingValue"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The names are not the model's.</exception>
    public float[] Prepare(IReadOnlyList<string> names, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count != values.Length || !names.SequenceEqual(Names, StringComparer.Ordinal))
        {
            var first = Enumerable.Range(0, Math.Min(names.Count, Names.Length)).FirstOrDefault(i => names[i] != Names[i], -1);
            throw new ArgumentException(
                $"The model reads {Names.Length} features; given {names.Count} names and {values.Length} values" +
                (first >= 0 ? $", the first different at {first} ('{names[first]}' for '{Names[first]}')." : "."),
                nameof(names));
        }

        var row = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = (float)(double.IsFinite(values[i]) ? values[i] : MissingValue);
        }

        return row;
    }

    /// <summary>Whether the measures are too uncertain to classify: the confidence feature is below <see cref="MinimumConfidence"/> or missing.</summary>
    public bool TooUncertain(IReadOnlyList<string> names, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (ConfidenceFeature is null)
        {
            return false;
        }

        var index = Enumerable.Range(0, names.Count).FirstOrDefault(i => names[i] == ConfidenceFeature, -1);
        return index < 0 || !(values[index] >= MinimumConfidence);
    }
}
