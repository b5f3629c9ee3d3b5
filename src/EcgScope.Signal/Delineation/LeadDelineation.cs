using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Signal.Delineation;

/// <summary>The delineated beats of one lead, in R-peak order.</summary>
/// <param name="SamplingRate">The lead's sampling rate, to turn sample indices into seconds.</param>
/// <param name="Beats">One entry per R peak given to the delineator.</param>
public sealed record LeadDelineation(SamplingRate SamplingRate, ImmutableArray<BeatDelineation> Beats)
{
    /// <summary>The sample indices of every found <paramref name="fiducial"/>, ascending.</summary>
    public int[] Points(Fiducial fiducial) =>
        [.. Beats.Select(beat => beat.At(fiducial)).OfType<int>().Order()];

    /// <summary>The time of <paramref name="sampleIndex"/> in seconds from the lead's start, or null.</summary>
    public double? Seconds(int? sampleIndex) => sampleIndex is { } index ? SamplingRate.SecondsAt(index) : null;
}
