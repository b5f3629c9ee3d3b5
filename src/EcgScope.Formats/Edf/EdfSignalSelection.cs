using EcgScope.Core;

namespace EcgScope.Formats.Edf;

/// <summary>
/// Chooses which EDF signals become leads. A record has one rate, and resampling is out of scope, so the leads are
/// the voltage signals at the most common samples-per-record (ties: the first such signal's); every other signal is
/// named with the reason it was left out, never dropped silently.
/// </summary>
internal sealed record EdfSignalSelection(IReadOnlyList<(EdfSignalHeader Signal, double MillivoltFactor)> Leads, IReadOnlyList<string> Dropped)
{
    /// <summary>Selects the leads of <paramref name="header"/>; <paramref name="defaultUnit"/> stands in for an empty dimension.</summary>
    public static EdfSignalSelection Choose(string path, EdfHeader header, string? defaultUnit)
    {
        var voltage = new List<(EdfSignalHeader Signal, double Factor)>();
        var dropped = new List<string>();
        foreach (var signal in header.Signals.Where(signal => !signal.IsAnnotation))
        {
            var unit = signal.PhysicalDimension.Length > 0 ? signal.PhysicalDimension : defaultUnit ?? string.Empty;
            if (VoltageUnits.TryGetMillivoltFactor(unit, out var factor))
            {
                voltage.Add((signal, factor));
            }
            else
            {
                dropped.Add($"{signal.Label}: unit '{signal.PhysicalDimension}' is not a voltage");
            }
        }

        if (voltage.Count == 0)
        {
            throw new EcgFormatException(path, "no signal has a voltage unit (uV, mV or V), so there is no ECG lead to read.");
        }

        var chosen = voltage
            .GroupBy(lead => lead.Signal.SamplesPerRecord)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.First().Signal.Index)
            .First().Key;
        foreach (var (signal, _) in voltage.Where(lead => lead.Signal.SamplesPerRecord != chosen))
        {
            dropped.Add($"{signal.Label}: {signal.SamplesPerRecord} samples per record, the leads have {chosen}");
        }

        return new EdfSignalSelection([.. voltage.Where(lead => lead.Signal.SamplesPerRecord == chosen)], dropped);
    }
}
