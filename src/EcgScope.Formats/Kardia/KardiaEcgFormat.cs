using System.Buffers.Binary;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Kardia;

/// <summary>The ATC "fmt " block: how the ECG samples are stored and which filters the recorder applied.</summary>
/// <param name="SamplingRateHertz">Samples per second of every lead (300 on Kardia devices).</param>
/// <param name="ResolutionNanovolts">Nanovolts per stored unit (500 on Kardia devices).</param>
/// <param name="Flags">The filter flags byte as stored (see <see cref="DescribeFilters"/>).</param>
public sealed record KardiaEcgFormat(int SamplingRateHertz, int ResolutionNanovolts, byte Flags)
{
    private const int MinimumLength = 6;
    private const byte Signed16Bit = 1;

    // Bits 2 to 7 of the flags; bit 0 (polarity) is unused and bit 1 is the mains frequency.
    private static readonly string[] Filters =
        ["mains filter", "low-pass filter", "0.1 Hz baseline filter", "notch mains filter", "enhanced filter", "multi-lead enhanced filter"];

    /// <summary>The value in millivolts of <paramref name="stored"/> units (the division keeps 995 × 500 nV exactly 0.4975 mV).</summary>
    public double Millivolts(short stored) => stored * (double)ResolutionNanovolts / 1e6;

    /// <summary>The mains frequency the recorder was set for (flag bit 1): 50 or 60 Hz.</summary>
    public int MainsHertz => (Flags & 0b10) != 0 ? 60 : 50;

    /// <summary>The mains frequency and the filters already applied to the stored ECG, in words.</summary>
    public string DescribeFilters()
    {
        var applied = Filters.Where((_, bit) => (Flags & (1 << (bit + 2))) != 0).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"mains {MainsHertz} Hz; applied: {(applied.Count == 0 ? "none" : string.Join(", ", applied))}");
    }

    /// <summary>Reads the block's data: format byte (1 = 16-bit signed), rate (UInt16), resolution (UInt16), flags.</summary>
    /// <exception cref="EcgFormatException">Too short, another sample format, or a rate or resolution of 0.</exception>
    internal static KardiaEcgFormat Parse(ReadOnlySpan<byte> data, int dataOffset, string source)
    {
        if (data.Length < MinimumLength)
        {
            throw new EcgFormatException(source, $"the 'fmt ' block holds {data.Length} bytes, at least {MinimumLength} are needed", byteOffset: dataOffset);
        }

        if (data[0] != Signed16Bit)
        {
            throw new EcgFormatException(source, $"ECG format {data[0]} is not supported (only 1, 16-bit signed, is defined)", byteOffset: dataOffset);
        }

        var rate = BinaryPrimitives.ReadUInt16LittleEndian(data[1..]);
        var resolution = BinaryPrimitives.ReadUInt16LittleEndian(data[3..]);
        if (rate == 0 || resolution == 0)
        {
            throw new EcgFormatException(source, $"the sampling rate ({rate} Hz) and resolution ({resolution} nV) must be above 0", byteOffset: dataOffset + 1);
        }

        return new KardiaEcgFormat(rate, resolution, data[5]);
    }
}
