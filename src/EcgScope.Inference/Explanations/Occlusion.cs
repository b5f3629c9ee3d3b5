using EcgScope.Inference.Preprocessing;
using EcgScope.Inference.Verdicts;

namespace EcgScope.Inference.Explanations;

/// <summary>
/// Occlusion: each second of the trace is blanked in turn (set to the normalised zero, like padding) and the model run
/// again; a second's relevance is how much the verdict's probability drops without it. It needs nothing from the
/// model but its output, so it explains any network, and it checks the class activation map from the outside.
/// Only the windows that hold the blanked second are run again.
/// </summary>
public static class Occlusion
{
    /// <summary>The stretch blanked at a time, in seconds.</summary>
    public const double SegmentSeconds = 1.0;

    private const int BatchWindows = 64;

    /// <summary>
    /// The relevance of <paramref name="className"/> over the record <paramref name="prepared"/> was cut from, whose
    /// windows gave <paramref name="baseLogits"/>. <paramref name="run"/> gives the logits of a batch of windows (rows one after another, as <see cref="OnnxModel.Run(float[], long[])"/>);
    /// <paramref name="probability"/> turns a record's mean logits into the calibrated probability of the class explained.
    /// </summary>
    public static Relevance Relevance(
        PreparedInput prepared, float[] baseLogits, double sampleRateHz, string className, Func<float[], int, float[]> run, Func<double[], double> probability)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(baseLogits);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(probability);
        var windowSize = prepared.LeadCount * prepared.WindowSamples;
        var classes = baseLogits.Length / prepared.WindowCount;
        var baseProbability = probability(WindowLogits.Mean(baseLogits, classes, prepared.WindowCount));
        var segmentSamples = (int)Math.Round(SegmentSeconds * sampleRateHz);
        var recordSamples = prepared.RecordSamples;
        var segments = (recordSamples + segmentSamples - 1) / segmentSamples;

        // Every (segment, window) pair where the window holds part of the segment, run in batches.
        var pairs = new List<(int Segment, int Window)>();
        for (var s = 0; s < segments; s++)
        {
            for (var w = 0; w < prepared.WindowCount; w++)
            {
                var start = prepared.WindowStarts[w];
                if (s * segmentSamples < start + prepared.ValidSamples[w] && (s + 1) * segmentSamples > start)
                {
                    pairs.Add((s, w));
                }
            }
        }

        var occludedLogits = new float[pairs.Count][];
        for (var first = 0; first < pairs.Count; first += BatchWindows)
        {
            var count = Math.Min(BatchWindows, pairs.Count - first);
            var batch = new float[count * windowSize];
            for (var i = 0; i < count; i++)
            {
                var (segment, window) = pairs[first + i];
                var target = batch.AsSpan(i * windowSize, windowSize);
                prepared.Window(window).CopyTo(target);
                Blank(target, prepared, window, segment * segmentSamples, segmentSamples);
            }

            var logits = run(batch, count);
            for (var i = 0; i < count; i++)
            {
                occludedLogits[first + i] = logits.AsSpan(i * classes, classes).ToArray();
            }
        }

        var drops = new double[segments];
        foreach (var group in pairs.Select((pair, index) => (pair, index)).GroupBy(item => item.pair.Segment))
        {
            var windows = (float[])baseLogits.Clone();
            foreach (var (pair, index) in group)
            {
                occludedLogits[index].CopyTo(windows, pair.Window * classes);
            }

            drops[group.Key] = baseProbability - probability(WindowLogits.Mean(windows, classes, prepared.WindowCount));
        }

        return new Relevance
        {
            Method = RelevanceMethod.Occlusion,
            ClassName = className,
            BinSeconds = SegmentSeconds,
            Scores = Explanations.Relevance.Normalize(drops),
        };
    }

    /// <summary>Sets the samples of every lead of one window that fall in [start, start + length) of the record to zero.</summary>
    private static void Blank(Span<float> window, PreparedInput prepared, int windowIndex, int start, int length)
    {
        var from = Math.Max(0, start - prepared.WindowStarts[windowIndex]);
        var to = Math.Min(prepared.ValidSamples[windowIndex], start + length - prepared.WindowStarts[windowIndex]);
        for (var lead = 0; lead < prepared.LeadCount; lead++)
        {
            window.Slice((lead * prepared.WindowSamples) + from, to - from).Clear();
        }
    }
}
