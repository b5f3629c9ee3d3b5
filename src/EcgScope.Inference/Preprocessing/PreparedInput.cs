namespace EcgScope.Inference.Preprocessing;

/// <summary>
/// A record made ready for a network: windows of <see cref="LeadCount"/> × <see cref="WindowSamples"/> samples,
/// lead-major, one after another in <see cref="Samples"/>. <see cref="ValidSamples"/> says how many samples of each
/// window came from the record (the rest is zero padding).
/// </summary>
public sealed class PreparedInput(float[] samples, int windowCount, int leadCount, int windowSamples, int[] windowStarts, int[] validSamples)
{
    /// <summary>All windows, each lead-major.</summary>
    public float[] Samples { get; } = samples;

    /// <summary>The number of windows.</summary>
    public int WindowCount { get; } = windowCount;

    /// <summary>Leads per window.</summary>
    public int LeadCount { get; } = leadCount;

    /// <summary>Samples per lead in a window.</summary>
    public int WindowSamples { get; } = windowSamples;

    /// <summary>Where each window starts, in samples of the resampled record.</summary>
    public IReadOnlyList<int> WindowStarts { get; } = windowStarts;

    /// <summary>How many samples of each window are the record's own.</summary>
    public IReadOnlyList<int> ValidSamples { get; } = validSamples;

    /// <summary>Samples per lead of the (resampled) record the windows were cut from: where the last one's own samples end.</summary>
    public int RecordSamples => Enumerable.Range(0, WindowCount).Max(w => WindowStarts[w] + ValidSamples[w]);

    /// <summary>The samples of one window.</summary>
    public ReadOnlySpan<float> Window(int index) =>
        Samples.AsSpan(index * LeadCount * WindowSamples, LeadCount * WindowSamples);
}
