namespace EcgScope.Signal.Detection;

/// <summary>The R-peak detectors EcgScope ships, by name.</summary>
public static class RPeakDetectors
{
    /// <summary>Every detector, the default first.</summary>
    public static IReadOnlyList<IRPeakDetector> All { get; } = [new RobustEnvelopeDetector(), new PanTompkins1985Detector()];

    /// <summary>The detector our MIT-BIH benchmark scores best (see docs/qrs-benchmark.md).</summary>
    public static IRPeakDetector Default => All[0];

    /// <summary>The detector called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No detector has that name; the message lists the names there are.</exception>
    public static IRPeakDetector Find(string name) =>
        All.FirstOrDefault(detector => string.Equals(detector.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown R-peak detector '{name}'. Known: {string.Join(", ", All.Select(d => d.Name))}.", nameof(name));
}
