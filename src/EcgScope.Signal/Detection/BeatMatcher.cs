namespace EcgScope.Signal.Detection;

/// <summary>
/// One-to-one matching of detections to reference beats within a tolerance, in the spirit of WFDB's <c>bxb</c>:
/// every (reference, detection) pair at most the tolerance apart is a candidate, and pairs are taken nearest first,
/// each beat and each detection being used at most once.
/// </summary>
public static class BeatMatcher
{
    /// <summary>Matches <paramref name="detections"/> to <paramref name="reference"/>.</summary>
    /// <param name="reference">Reference beat sample indices, ascending.</param>
    /// <param name="detections">Detected beat sample indices, ascending.</param>
    /// <param name="toleranceSamples">Largest distance, in samples, at which a pair still matches (inclusive).</param>
    /// <exception cref="ArgumentException">An input is not in ascending order.</exception>
    public static BeatMatching Match(ReadOnlySpan<int> reference, ReadOnlySpan<int> detections, int toleranceSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceSamples);
        RequireAscending(reference, nameof(reference));
        RequireAscending(detections, nameof(detections));

        var pairs = new List<(int Distance, int Reference, int Detection)>();
        var first = 0;
        for (var r = 0; r < reference.Length; r++)
        {
            while (first < detections.Length && detections[first] < reference[r] - toleranceSamples)
            {
                first++;
            }

            for (var d = first; d < detections.Length && detections[d] <= reference[r] + toleranceSamples; d++)
            {
                pairs.Add((Math.Abs(detections[d] - reference[r]), r, d));
            }
        }

        pairs.Sort();
        var referenceMatch = new int[reference.Length];
        var detectionMatch = new int[detections.Length];
        Array.Fill(referenceMatch, -1);
        Array.Fill(detectionMatch, -1);
        foreach (var (_, r, d) in pairs)
        {
            if (referenceMatch[r] < 0 && detectionMatch[d] < 0)
            {
                referenceMatch[r] = d;
                detectionMatch[d] = r;
            }
        }

        return new BeatMatching(reference.ToArray(), detections.ToArray(), referenceMatch, detectionMatch);
    }

    private static void RequireAscending(ReadOnlySpan<int> indices, string name)
    {
        for (var i = 1; i < indices.Length; i++)
        {
            if (indices[i] < indices[i - 1])
            {
                throw new ArgumentException($"Sample indices must be in ascending order (index {i}: {indices[i]} after {indices[i - 1]}).", name);
            }
        }
    }
}

/// <summary>The outcome of <see cref="BeatMatcher.Match"/>: which detection each reference beat got, and back.</summary>
public sealed class BeatMatching
{
    private readonly int[] reference;
    private readonly int[] detections;
    private readonly int[] referenceMatch;
    private readonly int[] detectionMatch;

    internal BeatMatching(int[] reference, int[] detections, int[] referenceMatch, int[] detectionMatch)
    {
        this.reference = reference;
        this.detections = detections;
        this.referenceMatch = referenceMatch;
        this.detectionMatch = detectionMatch;
    }

    /// <summary>For each reference beat, the position of its detection in the detection list, or -1 (missed).</summary>
    public ReadOnlySpan<int> DetectionOfReference => referenceMatch;

    /// <summary>For each detection, the position of its reference beat in the reference list, or -1 (false).</summary>
    public ReadOnlySpan<int> ReferenceOfDetection => detectionMatch;

    /// <summary>
    /// Counts the outcome in the samples [<paramref name="fromSample"/>, <paramref name="toSample"/>) (ANSI/AAMI EC57
    /// leaves out the first five minutes; LUDB labels only the middle of each record): a pair or missed beat counts
    /// when its reference beat lies in that span, a false detection when it does. Matching itself was done over the
    /// whole record, so nothing is lost or invented at the boundaries.
    /// </summary>
    public DetectionScore Score(int fromSample = 0, int toSample = int.MaxValue)
    {
        int truePositives = 0, falseNegatives = 0, falsePositives = 0;
        for (var r = 0; r < reference.Length; r++)
        {
            if (reference[r] >= fromSample && reference[r] < toSample)
            {
                if (referenceMatch[r] >= 0)
                {
                    truePositives++;
                }
                else
                {
                    falseNegatives++;
                }
            }
        }

        for (var d = 0; d < detections.Length; d++)
        {
            if (detectionMatch[d] < 0 && detections[d] >= fromSample && detections[d] < toSample)
            {
                falsePositives++;
            }
        }

        return new DetectionScore(truePositives, falsePositives, falseNegatives);
    }
}
