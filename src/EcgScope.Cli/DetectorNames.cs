using EcgScope.Signal.Detection;

namespace EcgScope.Cli;

/// <summary>Turns a <c>--detector</c> value into a detector.</summary>
internal static class DetectorNames
{
    /// <summary>All names, for option descriptions.</summary>
    public static string List => string.Join(", ", RPeakDetectors.All.Select(d => d.Name));

    /// <summary>The detector called <paramref name="name"/>, or a usage error listing the names there are.</summary>
    public static IRPeakDetector Resolve(string name) =>
        RPeakDetectors.TryFind(name, out var detector)
            ? detector
            : throw new UsageException($"--detector {name}: unknown detector; choose one of {List}.");
}
