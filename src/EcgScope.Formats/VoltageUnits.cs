namespace EcgScope.Formats;

/// <summary>
/// Converts the voltage unit names found in ECG files ("mV", "uV", "µV", "V") to a factor to millivolts. One table
/// for every reader, so that a unit means the same in a WFDB header, an EDF signal and a CSV column.
/// </summary>
/// <remarks>Case matters where it changes the prefix: "MV" (megavolts) and "UV" are refused rather than guessed.</remarks>
internal static class VoltageUnits
{
    /// <summary>The factor that turns a value in <paramref name="unit"/> into millivolts; false for other units.</summary>
    public static bool TryGetMillivoltFactor(ReadOnlySpan<char> unit, out double factor)
    {
        factor = unit.Trim() switch
        {
            "mV" or "mv" => 1.0,
            // Micro: ASCII "u", the micro sign U+00B5 (Apple, most tools) and the Greek mu U+03BC.
            "uV" or "uv" or "\u00B5V" or "\u03BCV" => 1e-3,
            "V" or "v" => 1e3,
            "nV" or "nv" => 1e-6,
            _ => double.NaN,
        };
        return !double.IsNaN(factor);
    }
}
