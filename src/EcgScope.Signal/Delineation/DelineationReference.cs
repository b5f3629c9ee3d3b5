using System.Runtime.InteropServices;
using EcgScope.Core;

namespace EcgScope.Signal.Delineation;

/// <summary>
/// Reference fiducial points of one lead read from wave annotations as LUDB writes them: each wave is "(" onset, a
/// peak symbol ("p" P wave, a beat code such as "N" for the QRS, "t" T wave) and ")" offset, in time order.
/// </summary>
public sealed class DelineationReference
{
    private readonly Dictionary<Fiducial, List<int>> points = Enum.GetValues<Fiducial>().ToDictionary(f => f, _ => new List<int>());
    private readonly List<int> beatPeaks = [];

    private DelineationReference(int firstAnnotated, int lastAnnotated)
    {
        FirstAnnotated = firstAnnotated;
        LastAnnotated = lastAnnotated;
    }

    /// <summary>The first annotated sample; scoring starts here (LUDB leaves the record's edges unlabelled).</summary>
    public int FirstAnnotated { get; }

    /// <summary>The last annotated sample; scoring ends here.</summary>
    public int LastAnnotated { get; }

    /// <summary>The reference sample indices of <paramref name="fiducial"/>, ascending.</summary>
    public ReadOnlySpan<int> Points(Fiducial fiducial) => CollectionsMarshal.AsSpan(points[fiducial]);

    /// <summary>Reads the waves of one lead's annotations (any order; those of other leads must be left out).</summary>
    public static DelineationReference FromWaveAnnotations(IEnumerable<Annotation> leadAnnotations)
    {
        ArgumentNullException.ThrowIfNull(leadAnnotations);
        var sorted = leadAnnotations.OrderBy(a => a.SampleIndex).ToList();
        if (sorted.Count == 0)
        {
            return new DelineationReference(0, -1);
        }

        var reference = new DelineationReference(sorted[0].SampleIndex, sorted[^1].SampleIndex);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (WaveOf(sorted[i]) is not { } wave)
            {
                continue;
            }

            if (wave.Peak is { } peak)
            {
                reference.points[peak].Add(sorted[i].SampleIndex);
            }
            else
            {
                reference.beatPeaks.Add(sorted[i].SampleIndex);
            }

            if (i > 0 && sorted[i - 1].Code == AnnotationCode.WaveformOnset)
            {
                reference.points[wave.Onset].Add(sorted[i - 1].SampleIndex);
            }

            if (i + 1 < sorted.Count && sorted[i + 1].Code == AnnotationCode.WaveformOffset)
            {
                reference.points[wave.Offset].Add(sorted[i + 1].SampleIndex);
            }
        }

        return reference;
    }

    /// <summary>
    /// The annotated waves grouped into beats, as the delineator gives them, so that the same measures can be taken
    /// at the annotated points: one beat per annotated QRS complex (its peak annotation as the R peak), with the QRS
    /// offset and T wave annotated after its onset and the P wave annotated after the previous QRS onset, each up to
    /// the next QRS onset; a wave not annotated in that stretch is null.
    /// </summary>
    public LeadDelineation Beats(SamplingRate rate)
    {
        var onsets = Points(Fiducial.QrsOnset);
        var beats = new List<BeatDelineation>(onsets.Length);
        for (var i = 0; i < onsets.Length; i++)
        {
            var (previous, onset, next) = (i > 0 ? onsets[i - 1] : int.MinValue, onsets[i], i + 1 < onsets.Length ? onsets[i + 1] : int.MaxValue);
            if (First(CollectionsMarshal.AsSpan(beatPeaks), onset, next) is not { } rPeak)
            {
                continue;
            }

            beats.Add(new BeatDelineation(
                rPeak,
                Last(Fiducial.POnset, previous, onset),
                Last(Fiducial.PPeak, previous, onset),
                Last(Fiducial.POffset, previous, onset),
                onset,
                First(Points(Fiducial.QrsOffset), onset, next),
                First(Points(Fiducial.TOnset), onset, next),
                First(Points(Fiducial.TPeak), onset, next),
                First(Points(Fiducial.TOffset), onset, next)));
        }

        return new LeadDelineation(rate, [.. beats]);
    }

    /// <summary>The first of the ascending <paramref name="sorted"/> in [<paramref name="from"/>, <paramref name="to"/>), or null.</summary>
    private static int? First(ReadOnlySpan<int> sorted, int from, int to)
    {
        foreach (var point in sorted)
        {
            if (point >= to)
            {
                break;
            }

            if (point >= from)
            {
                return point;
            }
        }

        return null;
    }

    /// <summary>The last point of <paramref name="fiducial"/> in (<paramref name="after"/>, <paramref name="before"/>), or null.</summary>
    private int? Last(Fiducial fiducial, int after, int before)
    {
        int? last = null;
        foreach (var point in Points(fiducial))
        {
            if (point > after && point < before)
            {
                last = point;
            }
        }

        return last;
    }

    /// <summary>The fiducials a peak annotation's wave has; the QRS's peak is the R peak, which is not delineated.</summary>
    private static (Fiducial Onset, Fiducial? Peak, Fiducial Offset)? WaveOf(Annotation annotation) => annotation.Code switch
    {
        AnnotationCode.PWave => (Fiducial.POnset, Fiducial.PPeak, Fiducial.POffset),
        AnnotationCode.TWave => (Fiducial.TOnset, Fiducial.TPeak, Fiducial.TOffset),
        _ when annotation.IsBeat => (Fiducial.QrsOnset, null, Fiducial.QrsOffset),
        _ => null,
    };
}
