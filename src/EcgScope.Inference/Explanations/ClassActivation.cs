using EcgScope.Inference.Models;
using EcgScope.Inference.Preprocessing;

namespace EcgScope.Inference.Explanations;

/// <summary>
/// Relevance from a network's class activation output (the head's weights for one class times the last feature map,
/// computed inside the ONNX graph): each time step of each window is placed back at its seconds in the record, and
/// windows that overlap are averaged.
/// </summary>
public static class ClassActivation
{
    /// <summary>The width of the relevance bins, in seconds: about one beat.</summary>
    public const double BinSeconds = 0.5;

    /// <summary>The relevance of class <paramref name="classIndex"/> over the record <paramref name="prepared"/> was cut from.</summary>
    public static Relevance Relevance(OnnxModelOutput output, PreparedInput prepared, ModelCard card, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(card);
        var rate = card.Input.SampleRateHz;
        var recordSamples = prepared.RecordSamples;
        var bins = Math.Max(1, (int)Math.Ceiling(recordSamples / rate / BinSeconds));
        var sums = new double[bins];
        var counts = new int[bins];
        var steps = output.TimeSteps;
        var samplesPerStep = (double)prepared.WindowSamples / steps;
        for (var w = 0; w < prepared.WindowCount; w++)
        {
            var map = output.ClassActivationOf(w, classIndex);
            for (var t = 0; t < steps; t++)
            {
                var centre = (t + 0.5) * samplesPerStep;
                if (centre >= prepared.ValidSamples[w])
                {
                    break; // padding, not the record
                }

                var bin = Math.Min(bins - 1, (int)((prepared.WindowStarts[w] + centre) / rate / BinSeconds));
                sums[bin] += map[t];
                counts[bin]++;
            }
        }

        var raw = sums.Select((sum, i) => counts[i] > 0 ? sum / counts[i] : 0).ToArray();
        return new Relevance
        {
            Method = RelevanceMethod.ClassActivation,
            ClassName = card.Classes[classIndex].Name,
            BinSeconds = BinSeconds,
            Scores = Explanations.Relevance.Normalize(raw),
        };
    }
}
