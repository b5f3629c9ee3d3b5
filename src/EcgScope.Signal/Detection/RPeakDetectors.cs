using System.Diagnostics.CodeAnalysis;

namespace EcgScope.Signal.Detection;

/// <summary>The R-peak detectors EcgScope ships, by name.</summary>
public static class RPeakDetectors
{
    /// <summary>Every detector, the default first.</summary>
    public static IReadOnlyList<IRPeakDetector> All { get; } = [new RobustEnvelopeDetector(), new PanTompkins1985Detector()];

    /// <summary>The detector our MIT-BIH benchmark scores best (see docs/qrs-benchmark.md).</summary>
    public static IRPeakDetector Default => All[0];

    /// <summary>The detector called <paramref name="name"/> (case-insensitive), if there is one.</summary>
    public static bool TryFind(string name, [NotNullWhen(true)] out IRPeakDetector? detector)
    {
        detector = All.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
        return detector is not null;
    }
}
