using EcgScope.Core;

namespace EcgScope.Formats.Csv;

/// <summary>
/// Derives a sampling rate from a column of time stamps. The stamps must increase strictly, and each must lie within
/// a quarter of a sampling period of where a uniform grid through the first and last stamp puts it; rounding of
/// printed stamps (0.003 for 1/360 s) stays well inside that, a dropped or repeated sample does not.
/// </summary>
internal static class UniformTimeAxis
{
    /// <summary>Largest allowed distance from the uniform grid, as a fraction of the sampling period.</summary>
    public const double Tolerance = 0.25;

    /// <summary>Whether <paramref name="times"/> increase uniformly (used to spot an unnamed time column).</summary>
    public static bool IsUniform(ReadOnlySpan<double> times) => times.Length >= 3 && FirstIrregularity(times) < 0;

    /// <summary>
    /// The rate of <paramref name="times"/> (in units of <paramref name="secondsPerUnit"/> seconds); throws with the
    /// line of the first irregular stamp.
    /// </summary>
    public static SamplingRate Rate(string path, ReadOnlySpan<double> times, ReadOnlySpan<int> lines, double secondsPerUnit)
    {
        if (times.Length < 2)
        {
            throw new EcgFormatException(path, "a time column needs at least two rows to give a sampling rate.");
        }

        var irregular = FirstIrregularity(times);
        if (irregular >= 0)
        {
            var step = (times[^1] - times[0]) / (times.Length - 1);
            throw new EcgFormatException(path,
                $"time stamps are not uniform: {times[irregular]} is more than {Tolerance:0.##} of a period ({step:G4}) away from the regular grid, or not increasing.",
                line: lines[irregular]);
        }

        var hertz = (times.Length - 1) / ((times[^1] - times[0]) * secondsPerUnit);
        return double.IsFinite(hertz) && hertz > 0
            ? new SamplingRate(hertz)
            : throw new EcgFormatException(path, "the time column does not give a finite sampling rate.");
    }

    private static int FirstIrregularity(ReadOnlySpan<double> times)
    {
        var step = (times[^1] - times[0]) / (times.Length - 1);
        if (!(step > 0) || !double.IsFinite(step))
        {
            return times.Length - 1;
        }

        for (var i = 0; i < times.Length; i++)
        {
            var increasing = i == 0 || times[i] > times[i - 1];
            if (!increasing || Math.Abs(times[i] - (times[0] + (i * step))) > Tolerance * step)
            {
                return i;
            }
        }

        return -1;
    }
}
