using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace EcgScope.Core;

/// <summary>One lead of an ECG: a name (for example "MLII", "I", "V1") and its samples in millivolts.</summary>
/// <remarks>
/// Missing samples (WFDB's "invalid" value, gaps in a CSV) are <see cref="double.NaN"/>.
/// </remarks>
public sealed class EcgLead
{
    /// <summary>Creates a lead from samples already in millivolts.</summary>
    public EcgLead(string name, ImmutableArray<double> samplesMillivolts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (samplesMillivolts.IsDefault)
        {
            throw new ArgumentException("Samples must not be a default (uninitialised) array.", nameof(samplesMillivolts));
        }

        Name = name;
        SamplesMillivolts = samplesMillivolts;
    }

    /// <summary>The lead's name as the source names it.</summary>
    public string Name { get; }

    /// <summary>The samples, in millivolts.</summary>
    public ImmutableArray<double> SamplesMillivolts { get; }

    /// <summary>The samples as a span, for hot loops.</summary>
    public ReadOnlySpan<double> Span => SamplesMillivolts.AsSpan();

    /// <summary>Number of samples.</summary>
    public int Length => SamplesMillivolts.Length;

    /// <summary>
    /// Wraps an array the caller has just filled and will never touch again, without copying it.
    /// Readers and processing steps use this to avoid a second copy of every signal.
    /// </summary>
    public static EcgLead FromOwnedArray(string name, double[] samplesMillivolts) =>
        new(name, ImmutableCollectionsMarshal.AsImmutableArray(samplesMillivolts));

    /// <summary>A lead with the same name and new samples.</summary>
    public EcgLead WithSamples(double[] ownedSamplesMillivolts) => FromOwnedArray(Name, ownedSamplesMillivolts);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Length} samples)";
}
