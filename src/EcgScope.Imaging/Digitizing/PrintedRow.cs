namespace EcgScope.Imaging.Digitizing;

/// <summary>One row of traces found on the (straightened) page, in pixels.</summary>
/// <param name="Baseline">The row's 0 mV line: the calibration pulse's foot, else where most of its trace lies.</param>
/// <param name="BandTop">The highest pixel row its trace may reach (the middle of the row above, or further).</param>
/// <param name="BandBottom">The lowest pixel row its trace may reach (exclusive).</param>
/// <param name="TraceStart">The first column of the trace, after any calibration pulse.</param>
/// <param name="TraceEnd">The last column of the trace (exclusive).</param>
/// <param name="PulseHeight">The calibration pulse's height in pixels (1 mV at the printout's gain), if one was found.</param>
/// <param name="PenWidth">The pen's width in pixels from the calibration pulse, if one was found.</param>
internal sealed record PrintedRow(double Baseline, int BandTop, int BandBottom, int TraceStart, int TraceEnd, double? PulseHeight, int? PenWidth)
{
    /// <summary>The trace's width in pixels.</summary>
    public int TraceWidth => TraceEnd - TraceStart;
}
