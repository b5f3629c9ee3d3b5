using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Wfdb;

/// <summary>
/// Reads PhysioNet WFDB records: a header (<c>.hea</c>, see <see cref="WfdbHeaderParser"/>), its signal files
/// (formats of <see cref="WfdbSampleFormat"/>) and, when present, the annotation file named by
/// <see cref="EcgReadOptions.AnnotationExtension"/> (see <see cref="MitAnnotationFile"/>).
/// </summary>
/// <remarks>
/// Every signal whose header gives a checksum is verified (WFDB's 16-bit sum of all stored samples, written signed or
/// unsigned); a mismatch throws, except that a checksum of 0 that does not match is taken as "not computed", because
/// the CinC 2017 headers write 0 for every record whatever the samples. The count of verified signals is in
/// <see cref="EcgMetadata.Properties"/> under <see cref="ChecksumsProperty"/>. Signals with several samples per frame
/// are reduced to one value per frame by averaging, as WFDB's <c>getvec</c> does.
/// </remarks>
public sealed class WfdbReader : EcgFormatReader
{
    /// <summary>
    /// Metadata property telling how many of the checksums the header gives were verified: "N of M verified", with
    /// ", K not given" for signals without one, or "checksum not given" when no signal has one.
    /// </summary>
    public const string ChecksumsProperty = "WFDB checksums";

    /// <summary>Metadata property holding the record name from the header.</summary>
    public const string RecordNameProperty = "WFDB record";

    /// <summary>
    /// Metadata property present when the record line's base time or date was not understood: which field, and that
    /// the start time is therefore unknown (the record is read all the same, as wfdb-python does).
    /// </summary>
    public const string StartTimeNoteProperty = "WFDB start time";

    /// <inheritdoc />
    public override string FormatName => "WFDB";

    /// <inheritdoc />
    /// <remarks>A <c>.hea</c> file, or a <c>.dat</c> file with a <c>.hea</c> beside it.</remarks>
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(source);
        return HasExtension(source.Name, ".hea") || (HasExtension(source.Name, ".dat") && source.Files.Find(CompanionName(source, "hea")) is not null);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The header's signal files and the annotation file are looked up in <see cref="EcgSource.Files"/>: beside a file,
    /// or in the same <see cref="RecordFileSet"/> as a stream. A missing signal file is an error naming it.
    /// </remarks>
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var headerSource = HasExtension(source.Name, ".hea") ? source
            : source.Files.Find(CompanionName(source, "hea"))
                ?? throw new EcgFormatException(source.Name, $"no header '{CompanionName(source, "hea")}' beside the signal file");
        var header = WfdbHeaderParser.Parse(headerSource.ReadAllText(), headerSource.Name);
        var signals = WfdbSignalDecoder.Read(header, headerSource);
        return BuildRecord(header, headerSource, signals, options.AnnotationExtension);
    }

    /// <summary>
    /// Reads the annotation file <c>record.extension</c> beside the record's header (for example extension "atr",
    /// or LUDB's per-lead "i", "ii", ..., "v6"). When the extension names one of the record's signals (compared with
    /// the signal descriptions, ignoring case), every annotation's <see cref="Annotation.Channel"/> is set to that
    /// signal's index.
    /// </summary>
    /// <param name="recordPath">The record's header, or any path whose extension is replaced (for example "data/1").</param>
    /// <param name="extension">The annotator name, without the dot.</param>
    /// <exception cref="EcgFormatException">The header or the annotation file is malformed.</exception>
    public static ImmutableArray<Annotation> ReadAnnotations(string recordPath, string extension)
    {
        ArgumentNullException.ThrowIfNull(recordPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        var headerPath = RecordFile(recordPath, "hea");
        var annotations = MitAnnotationFile.Read(RecordFile(recordPath, extension));
        return File.Exists(headerPath) ? ForSignalNamed(WfdbHeaderParser.Parse(headerPath), extension, annotations) : annotations;
    }

    /// <summary>"2 of 2 verified", "0 of 1 verified, 2 not given" or "checksum not given".</summary>
    private static string ChecksumSummary(WfdbHeader header, int verified)
    {
        var given = header.Signals.Count(signal => signal.Checksum is not null);
        var missing = header.Signals.Length - given;
        return given == 0 ? "checksum not given"
            : string.Create(CultureInfo.InvariantCulture, $"{verified} of {given} verified{(missing > 0 ? $", {missing} not given" : "")}");
    }

    /// <summary>Builds the record from decoded signals, attaching metadata and annotations.</summary>
    internal static EcgRecord BuildRecord(WfdbHeader header, EcgSource headerSource, WfdbSignals signals, string annotationExtension)
    {
        var leads = ImmutableArray.CreateBuilder<EcgLead>(header.Signals.Length);
        for (var i = 0; i < header.Signals.Length; i++)
        {
            leads.Add(EcgLead.FromOwnedArray(LeadName(header.Signals[i], i), signals.Millivolts[i]));
        }

        var properties = ImmutableDictionary<string, string>.Empty
            .Add(RecordNameProperty, header.RecordName)
            .Add(ChecksumsProperty, ChecksumSummary(header, signals.VerifiedChecksums));
        if (header.BaseTime is { } time && header.BaseDate is null)
        {
            properties = properties.Add("WFDB base time", time.ToString("c", CultureInfo.InvariantCulture));
        }

        if (header.StartFieldsNote is { } note)
        {
            properties = properties.Add(StartTimeNoteProperty, note);
        }

        var annotationFile = headerSource.Files.Find(CompanionName(headerSource, annotationExtension));
        return new EcgRecord(leads.MoveToImmutable(), new SamplingRate(header.SamplingFrequency))
        {
            StartTime = header.StartTime,
            Metadata = new EcgMetadata { SourceFormat = "WFDB", Comments = header.Comments, Properties = properties },
            Annotations = annotationFile is null
                ? []
                : ForSignalNamed(header, annotationExtension, MitAnnotationFile.Read(annotationFile.ReadAllBytes().Span, annotationFile.Name)),
        };
    }

    // LUDB names each lead's annotation file after the lead ("1.ii"): such annotations belong to that signal. They are
    // also put in time order (stable), which annot(5) expects but a negative SKIP could break.
    private static ImmutableArray<Annotation> ForSignalNamed(WfdbHeader header, string extension, ImmutableArray<Annotation> annotations)
    {
        var lead = header.Signals.Select(s => s.Description).ToList()
            .FindIndex(name => string.Equals(name, extension, StringComparison.OrdinalIgnoreCase));
        var ordered = IsOrdered(annotations) ? annotations : [.. annotations.OrderBy(a => a.SampleIndex)];
        return lead < 0 ? ordered : [.. ordered.Select(a => a with { Channel = lead })];
    }

    private static bool IsOrdered(ImmutableArray<Annotation> annotations)
    {
        for (var i = 1; i < annotations.Length; i++)
        {
            if (annotations[i].SampleIndex < annotations[i - 1].SampleIndex)
            {
                return false;
            }
        }

        return true;
    }

    private static string LeadName(WfdbSignalSpec signal, int index) =>
        string.IsNullOrWhiteSpace(signal.Description) ? string.Create(CultureInfo.InvariantCulture, $"signal {index}") : signal.Description;

    // "folder/100.hea" + "atr" -> "folder/100.atr"; also accepts "folder/100" without an extension.
    private static string RecordFile(string recordPath, string extension)
    {
        var known = HasExtension(recordPath, ".hea") || HasExtension(recordPath, ".dat") || HasExtension(recordPath, ".mat");
        return (known ? Path.ChangeExtension(recordPath, null) : recordPath) + "." + extension;
    }

    /// <summary>"folder/100.hea" + "atr" -> "100.atr": the name of another file of the record, for its <see cref="EcgSource.Files"/>.</summary>
    internal static string CompanionName(EcgSource source, string extension) =>
        Path.GetFileNameWithoutExtension(source.Name) + "." + extension;

    private static bool HasExtension(string path, string extension) =>
        path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);
}
