using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Kardia;

/// <summary>
/// Reads AliveCor Kardia <c>.atc</c> recordings (see <see cref="KardiaFile"/>) into an <see cref="EcgRecord"/>: every
/// lead at the "fmt " block's rate (300 Hz on Kardia devices) and resolution (500 nV per unit), the beat annotations,
/// the start time, recorder hardware and app from the "info" block.
/// </summary>
/// <remarks>
/// Average and median beats are not leads (they are a 1.5 s summary, not time-aligned with the recording): the
/// record's <see cref="TemplatesProperty"/> says which were stored, and <see cref="KardiaFile.Read"/> gives
/// their samples. Nothing that identifies a person or a device (recording UUID, phone UDID, serial number) is read.
/// </remarks>
public sealed class KardiaReader : EcgFormatReader
{
    /// <summary>The name reported in <see cref="EcgMetadata.SourceFormat"/>.</summary>
    public const string Format = "Kardia ATC";

    /// <summary>Metadata property: the file format version, for example "3".</summary>
    public const string VersionProperty = "Kardia file version";

    /// <summary>Metadata property: the mains frequency and the filters the recorder applied before storing the ECG.</summary>
    public const string FiltersProperty = "Kardia filters";

    /// <summary>Metadata property: the phone or tablet that recorded, with its operating system.</summary>
    public const string PhoneProperty = "Kardia phone";

    /// <summary>Metadata property: the recording date as stored, present only when it could not be parsed.</summary>
    public const string RecordedProperty = "Kardia date recorded";

    /// <summary>Metadata property: the average/median beats stored in the file, for example "average beat of I, II (450 samples each)".</summary>
    public const string TemplatesProperty = "Kardia beat templates";

    /// <summary>Metadata property: how many beat annotations lay after the recording's end and were left out.</summary>
    public const string AnnotationsAfterEndProperty = "Kardia beats after end";

    /// <summary>Metadata property: identifiers of the blocks that were skipped, for example "acc ".</summary>
    public const string SkippedBlocksProperty = "Kardia skipped blocks";

    /// <inheritdoc />
    public override string FormatName => Format;

    /// <inheritdoc />
    /// <remarks>A file that starts with the ATC signature <c>ALIVE\0\0\0</c>, whatever its name.</remarks>
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head) => KardiaFile.HasSignature(head);

    /// <inheritdoc />
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ToRecord(KardiaFile.Parse(source.ReadAllBytes().Span, source.Name));
    }

    /// <summary>The record of a parsed ATC file.</summary>
    public static EcgRecord ToRecord(KardiaFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var info = file.Info;
        var properties = ImmutableDictionary.CreateBuilder<string, string>();
        properties.Add(VersionProperty, file.Version.ToString(CultureInfo.InvariantCulture));
        properties.Add(FiltersProperty, file.Format.DescribeFilters());
        properties.AddIfPresent(PhoneProperty, info?.PhoneModel);
        properties.AddIfPresent(RecordedProperty, info is { StartTime: null } ? info.Recorded : null);
        properties.AddIfPresent(TemplatesProperty, DescribeTemplates(file.BeatTemplates));
        properties.AddIfPresent(AnnotationsAfterEndProperty, file.AnnotationsAfterEnd == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{file.AnnotationsAfterEnd} annotated beats after the last sample, left out"));
        properties.AddIfPresent(SkippedBlocksProperty, file.SkippedBlocks.IsEmpty ? null : string.Join(", ", file.SkippedBlocks.Select(id => $"'{id}'")));
        return new EcgRecord(file.Leads, new SamplingRate(file.Format.SamplingRateHertz))
        {
            StartTime = info?.StartTime,
            Annotations = file.Annotations,
            Metadata = new EcgMetadata
            {
                SourceFormat = Format,
                Device = info?.Hardware,
                Software = info?.Software,
                Properties = properties.ToImmutable(),
            },
        };
    }

    // "average beat of I, II (450 samples each)"; kinds and lengths are listed separately when they differ.
    private static string? DescribeTemplates(ImmutableArray<KardiaBeatTemplate> templates) =>
        templates.IsEmpty
            ? null
            : string.Join("; ", templates
                .GroupBy(t => (t.Kind, t.SamplesMillivolts.Length))
                .Select(group => string.Create(CultureInfo.InvariantCulture,
                    $"{(group.Key.Kind == KardiaBeatTemplateKind.Average ? "average" : "median")} beat of {string.Join(", ", group.Select(t => t.Lead))} ({group.Key.Length} samples each)")));
}
