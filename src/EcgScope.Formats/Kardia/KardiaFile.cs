using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using EcgScope.Core;

namespace EcgScope.Formats.Kardia;

/// <summary>
/// An AliveCor Kardia <c>.atc</c> file as AliveCor's "ATC File Format Specification 1.7" defines it: its format
/// version, the "fmt " block (rate, resolution, filters), the "info" block, 1 to 12 time-aligned leads
/// ("ecg " ... "ecgc"), the beat annotations ("ann ") and any average or median beats ("avg", "med").
/// </summary>
/// <remarks>
/// Every block's checksum is verified (see <see cref="KardiaBlocks"/>). Blocks the reader does not use (the 3-axis
/// acceleration block "acc " and any identifier the specification does not define) are skipped, as a tagged format
/// allows, and listed in <see cref="SkippedBlocks"/>. Lead samples are stored as 16-bit signed integers and converted
/// with the "fmt " block's resolution: millivolts = value × resolution (nV) / 10⁶.
/// </remarks>
public sealed record KardiaFile
{
    /// <summary>The file format version (2: specification 1.4 or older, 3: 1.5, 4: 1.6, 5: 1.7).</summary>
    public required long Version { get; init; }

    /// <summary>Sampling rate, resolution and filters from the "fmt " block.</summary>
    public required KardiaEcgFormat Format { get; init; }

    /// <summary>The "info" block's kept fields, or null when the file has none.</summary>
    public KardiaInfo? Info { get; init; }

    /// <summary>The leads in millivolts, in the order I, II, III, aVR, aVL, aVF, V1 ... V6 (those present).</summary>
    public required ImmutableArray<EcgLead> Leads { get; init; }

    /// <summary>Beat annotations, ordered by sample index (empty without an "ann " block).</summary>
    public ImmutableArray<Annotation> Annotations { get; init; } = [];

    /// <summary>
    /// Beat annotations whose time lies after the last sample, left out of <see cref="Annotations"/> (genuine files
    /// have a few: the app annotates a little more than it stores).
    /// </summary>
    public int AnnotationsAfterEnd { get; init; }

    /// <summary>Average and median beats the app stored, in file order.</summary>
    public ImmutableArray<KardiaBeatTemplate> BeatTemplates { get; init; } = [];

    /// <summary>Identifiers of the blocks that were skipped, in file order (for example "acc ").</summary>
    public ImmutableArray<string> SkippedBlocks { get; init; } = [];

    /// <summary>Whether <paramref name="head"/> starts with the ATC signature <c>ALIVE\0\0\0</c>.</summary>
    public static bool HasSignature(ReadOnlySpan<byte> head) => head.StartsWith(KardiaBlocks.Signature);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">The file is not a valid ATC file; the message gives the byte offset.</exception>
    public static KardiaFile Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses ATC content; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="EcgFormatException">The content is not a valid ATC file; the message gives the byte offset.</exception>
    public static KardiaFile Parse(ReadOnlySpan<byte> data, string source)
    {
        var blocks = KardiaBlocks.Read(data, source);
        RejectRepeatedBlocks(blocks, source);
        var fmt = blocks.FindIndex(b => b.Id == "fmt ");
        if (fmt < 0)
        {
            throw new EcgFormatException(source, "the file has no 'fmt ' block, so its sampling rate and resolution are unknown");
        }

        var format = KardiaEcgFormat.Parse(Data(data, blocks[fmt]), blocks[fmt].DataOffset, source);
        KardiaInfo? info = null;
        var leads = new SortedList<int, (EcgLead Lead, KardiaBlock Block)>();
        var templates = ImmutableArray.CreateBuilder<KardiaBeatTemplate>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        KardiaBlock? annotations = null;
        foreach (var block in blocks)
        {
            if (block.Id == "info")
            {
                info = KardiaInfo.Parse(Data(data, block));
            }
            else if (block.Id == "ann ")
            {
                annotations = block;
            }
            else if (KardiaLeadIds.TryParse(block.Id, out var prefix, out var lead))
            {
                var samples = Millivolts(data, block, format, source);
                var name = KardiaLeadIds.Name(lead);
                if (prefix == KardiaLeadIds.Recording)
                {
                    leads.Add(lead, (EcgLead.FromOwnedArray(name, samples), block));
                }
                else
                {
                    var kind = prefix == KardiaLeadIds.AverageBeat ? KardiaBeatTemplateKind.Average : KardiaBeatTemplateKind.Median;
                    templates.Add(new KardiaBeatTemplate(name, kind, ImmutableCollectionsMarshal.AsImmutableArray(samples)));
                }
            }
            else if (block.Id != "fmt ")
            {
                skipped.Add(block.Id);
            }
        }

        var sampleCount = CheckAligned(leads.Values, source);
        var (beats, afterEnd) = annotations is { } ann
            ? KardiaBeats.Parse(Data(data, ann), ann.DataOffset, format.SamplingRateHertz, sampleCount, source)
            : ([], 0);
        return new KardiaFile
        {
            Version = KardiaBlocks.Version(data),
            Format = format,
            Info = info,
            Leads = [.. leads.Values.Select(l => l.Lead)],
            Annotations = beats,
            AnnotationsAfterEnd = afterEnd,
            BeatTemplates = templates.ToImmutable(),
            SkippedBlocks = skipped.ToImmutable(),
        };
    }

    private static ReadOnlySpan<byte> Data(ReadOnlySpan<byte> file, KardiaBlock block) => file.Slice(block.DataOffset, block.Length);

    private static void RejectRepeatedBlocks(List<KardiaBlock> blocks, string source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            if (!seen.Add(block.Id))
            {
                throw new EcgFormatException(source, $"a second '{block.Id}' block: each block may appear once", byteOffset: block.Offset);
            }
        }
    }

    private static double[] Millivolts(ReadOnlySpan<byte> file, KardiaBlock block, KardiaEcgFormat format, string source)
    {
        if (block.Length == 0 || block.Length % 2 != 0)
        {
            throw new EcgFormatException(source,
                $"block '{block.Id}' holds {block.Length} bytes; samples are 16-bit, so it needs a positive even length", byteOffset: block.Offset + 4);
        }

        var data = Data(file, block);
        var millivolts = new double[block.Length / 2];
        for (var i = 0; i < millivolts.Length; i++)
        {
            millivolts[i] = format.Millivolts(BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]));
        }

        return millivolts;
    }

    // The leads are "time-aligned lead recordings": all the same length, which is the record's sample count.
    private static int CheckAligned(IList<(EcgLead Lead, KardiaBlock Block)> leads, string source)
    {
        if (leads.Count == 0)
        {
            throw new EcgFormatException(source, "the file has no ECG data block ('ecg ' to 'ecgc')");
        }

        var first = leads[0].Lead;
        foreach (var (lead, block) in leads)
        {
            if (lead.Length != first.Length)
            {
                throw new EcgFormatException(source, string.Create(CultureInfo.InvariantCulture,
                    $"lead {lead.Name} has {lead.Length} samples but lead {first.Name} has {first.Length}: the leads must be time-aligned"),
                    byteOffset: block.Offset);
            }
        }

        return first.Length;
    }
}
