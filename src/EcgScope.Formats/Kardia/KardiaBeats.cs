using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Kardia;

/// <summary>
/// Reads the ATC "ann " block: a tick frequency (UInt32, ticks per second) followed by 6-byte entries of tick offset
/// from the start of the recording (UInt32) and beat type (UInt16), and maps each to an <see cref="Annotation"/>.
/// </summary>
/// <remarks>
/// Beat types: 0 unknown → "Q" (unclassifiable beat), 1 normal → "N", 2 ventricular → "V", 3 atrial → "A",
/// 4 fusion → "F", 5 junctional → "J", 6 paced → "/". A type the specification does not define becomes "Q" with the
/// aux note "Kardia beat type N", so it is neither lost nor guessed. Genuine files annotate beats a little after the
/// last stored sample (1_lead.atc of AliveCor's test data: 2 of 51); those are left out and counted.
/// </remarks>
internal static class KardiaBeats
{
    private const int HeaderLength = 4;
    private const int EntryLength = 6;

    /// <summary>The annotations within the recording, ordered by sample, and how many lay after its last sample.</summary>
    public static (ImmutableArray<Annotation> Within, int AfterEnd) Parse(ReadOnlySpan<byte> data, int dataOffset, double samplingRate, int sampleCount, string source)
    {
        if (data.Length < HeaderLength || (data.Length - HeaderLength) % EntryLength != 0)
        {
            throw new EcgFormatException(source,
                $"the 'ann ' block holds {data.Length} bytes; it must be 4 + 6 per annotation", byteOffset: dataOffset - 4);
        }

        var ticksPerSecond = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (ticksPerSecond == 0)
        {
            throw new EcgFormatException(source, "the annotation tick frequency is 0 ticks per second", byteOffset: dataOffset);
        }

        var count = (data.Length - HeaderLength) / EntryLength;
        var samplesPerTick = samplingRate / ticksPerSecond;
        var annotations = new List<Annotation>(count);
        var afterEnd = 0;
        for (var i = 0; i < count; i++)
        {
            var entry = data.Slice(HeaderLength + (i * EntryLength), EntryLength);
            var tick = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            var sample = Math.Round(tick * samplesPerTick);
            if (sample >= sampleCount)
            {
                afterEnd++;
                continue;
            }

            annotations.Add(Annotate((int)sample, BinaryPrimitives.ReadUInt16LittleEndian(entry[4..])));
        }

        // The record's annotations are ordered by sample; the specification does not promise the file's are.
        return ([.. annotations.OrderBy(a => a.SampleIndex)], afterEnd);
    }

    private static Annotation Annotate(int sampleIndex, ushort beatType) => beatType switch
    {
        0 => new Annotation(sampleIndex, AnnotationCode.Unclassifiable),
        1 => new Annotation(sampleIndex, AnnotationCode.Normal),
        2 => new Annotation(sampleIndex, AnnotationCode.PrematureVentricular),
        3 => new Annotation(sampleIndex, AnnotationCode.AtrialPremature),
        4 => new Annotation(sampleIndex, AnnotationCode.FusionVentricularNormal),
        5 => new Annotation(sampleIndex, AnnotationCode.NodalPremature),
        6 => new Annotation(sampleIndex, AnnotationCode.Paced),
        _ => new Annotation(sampleIndex, AnnotationCode.Unclassifiable, AuxNote: string.Create(CultureInfo.InvariantCulture, $"Kardia beat type {beatType}")),
    };
}
