using EcgScope.Core;

namespace EcgScope.Imaging.Digitizing;

/// <summary>What the digitizer assumes where a printout cannot tell.</summary>
public sealed record DigitizerOptions
{
    /// <summary>Defaults: 25 mm/s paper, 500 Hz output, images up to 50 megapixels.</summary>
    public static DigitizerOptions Default { get; } = new();

    /// <summary>
    /// The paper speed in millimetres per second. The grid gives millimetres, not seconds, and nearly every machine prints
    /// at 25 mm/s; give 50 for a fast-speed printout. The gain, unlike the speed, is read from the calibration pulses.
    /// </summary>
    public double MillimetersPerSecond { get; init; } = 25;

    /// <summary>The sampling rate of the digitized record.</summary>
    public SamplingRate SamplingRate { get; init; } = new(500);

    /// <summary>The largest image accepted, in pixels; a larger one is refused rather than decoded (a decompression bomb).</summary>
    public long MaxPixels { get; init; } = 50_000_000;
}
