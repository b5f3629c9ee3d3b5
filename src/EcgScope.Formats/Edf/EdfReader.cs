using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Edf;

/// <summary>
/// Reads EDF and EDF+ files (https://www.edfplus.info/specs/edf.html, https://www.edfplus.info/specs/edfplus.html):
/// 16-bit little-endian samples scaled linearly from the digital to the physical range, converted to mV.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Rate: samples per record / record duration, exactly as the file states (359.97 Hz stays 359.97 Hz).</item>
/// <item>Leads: the voltage signals at the most common samples-per-record; others are listed in the metadata property
/// <c>"Dropped signals"</c> with the reason (no resampling).</item>
/// <item>EDF+ annotations become <see cref="AnnotationCode.Note"/> annotations (text in the aux note) and comment
/// lines with onset and duration.</item>
/// <item>EDF+D: records are joined end to end; each gap is listed in the property <c>"Gaps"</c> ("at sample N: S s").
/// Annotations are placed in the record whose time span holds their onset.</item>
/// <item>The patient field (names, birth dates) is never stored; start time is the file's clock time with offset 0
/// (EDF has no time zone).</item>
/// </list>
/// </remarks>
public sealed class EdfReader : EcgFormatReader
{
    /// <summary>The name reported for plain EDF files.</summary>
    public const string Format = "EDF";

    /// <summary>The name reported for EDF+ files.</summary>
    public const string FormatPlus = "EDF+";

    private const int BatchBytes = 1 << 20;

    /// <inheritdoc />
    public override string FormatName => "EDF/EDF+";

    /// <inheritdoc />
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head) =>
        head.Length >= EdfHeader.BlockSize && head[..8].SequenceEqual("0       "u8) && IsDigits(head.Slice(184, 8).Trim((byte)' '));

    /// <inheritdoc />
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var path = source.Name;
        using var stream = source.OpenRead();
        var header = EdfHeader.Read(path, stream);
        var selection = EdfSignalSelection.Choose(path, header, options.Unit);
        var samplesPerRecord = selection.Leads[0].Signal.SamplesPerRecord;
        var rate = samplesPerRecord / header.RecordDurationSeconds;
        if ((long)header.RecordCount * samplesPerRecord > Array.MaxLength || !double.IsFinite(rate))
        {
            throw new EcgFormatException(path, $"{header.RecordCount} records of {samplesPerRecord} samples are more than one lead can hold.", byteOffset: 236);
        }

        RequireFiniteScaling(path, selection);
        CheckLength(path, header, stream.Length);
        var data = ReadData(path, stream, header, selection);
        var timing = EdfRecordTiming.Build(path, header, data.RecordStarts, samplesPerRecord, rate);
        var leads = selection.Leads
            .Select((lead, i) => EcgLead.FromOwnedArray(LeadName(lead.Signal), data.Samples[i]))
            .ToImmutableArray();
        return new EcgRecord(leads, new SamplingRate(rate))
        {
            StartTime = new DateTimeOffset(header.StartTime, TimeSpan.Zero).AddSeconds(timing.FirstRecordStartSeconds),
            Metadata = Metadata(header, selection, timing, data.Annotations),
            Annotations = [.. data.Annotations
                .Select(a => new Annotation(timing.SampleIndexAt(a.OnsetSeconds), AnnotationCode.Note, AuxNote: a.Text))
                .OrderBy(a => a.SampleIndex)],
        };
    }

    // Physical values are linear in the 16-bit digital ones, so if both ends of the int16 range map to finite millivolts,
    // every sample does. Extreme physical minimum/maximum fields (e.g. ±1e308) would otherwise put ±Inf into a lead.
    private static void RequireFiniteScaling(string path, EdfSignalSelection selection)
    {
        foreach (var (signal, millivoltFactor) in selection.Leads)
        {
            var (gain, offset) = (signal.Gain * millivoltFactor, signal.Offset * millivoltFactor);
            if (!double.IsFinite((short.MinValue * gain) + offset) || !double.IsFinite((short.MaxValue * gain) + offset))
            {
                throw new EcgFormatException(path,
                    string.Create(CultureInfo.InvariantCulture, $"signal '{signal.Label}': physical range {signal.PhysicalMinimum} to {signal.PhysicalMaximum} {signal.PhysicalDimension} does not scale to finite millivolts."));
            }
        }
    }

    private static void CheckLength(string path, EdfHeader header, long fileLength)
    {
        var recordBytes = header.RecordBytes;
        var expected = header.HeaderBytes + (header.RecordCount * recordBytes);
        if (fileLength < expected)
        {
            var complete = (fileLength - header.HeaderBytes) / recordBytes;
            throw new EcgFormatException(path,
                $"data record {complete + 1} of {header.RecordCount} is cut off: the file ends at byte {fileLength}, the header promises {expected} bytes.",
                byteOffset: header.HeaderBytes + (complete * recordBytes));
        }
    }

    private static EdfData ReadData(string path, Stream stream, EdfHeader header, EdfSignalSelection selection)
    {
        var recordBytes = (int)header.RecordBytes;
        var leads = selection.Leads;
        var samplesPerRecord = leads[0].Signal.SamplesPerRecord;
        var samples = leads.Select(_ => new double[header.RecordCount * samplesPerRecord]).ToArray();
        var annotationSignals = header.Signals.Where(signal => signal.IsAnnotation).ToArray();
        var recordStarts = annotationSignals.Length > 0 ? new double?[header.RecordCount] : null;
        var annotations = new List<EdfAnnotation>();

        var byteOffsets = leads.Select(lead => lead.Signal.OffsetInRecord * 2).ToArray();
        var gains = leads.Select(lead => lead.Signal.Gain * lead.MillivoltFactor).ToArray();
        var offsets = leads.Select(lead => lead.Signal.Offset * lead.MillivoltFactor).ToArray();
        var recordsPerBatch = Math.Max(1, BatchBytes / recordBytes);
        var buffer = new byte[recordsPerBatch * recordBytes];
        for (var first = 0; first < header.RecordCount; first += recordsPerBatch)
        {
            var count = Math.Min(recordsPerBatch, header.RecordCount - first);
            stream.ReadExactly(buffer, 0, count * recordBytes);
            for (var r = 0; r < count; r++)
            {
                var record = buffer.AsSpan(r * recordBytes, recordBytes);
                var recordIndex = first + r;
                for (var i = 0; i < samples.Length; i++)
                {
                    Decode(record.Slice(byteOffsets[i], samplesPerRecord * 2),
                        samples[i].AsSpan(recordIndex * samplesPerRecord, samplesPerRecord), gains[i], offsets[i]);
                }

                foreach (var signal in annotationSignals)
                {
                    var fileOffset = header.HeaderBytes + ((long)recordIndex * recordBytes) + (signal.OffsetInRecord * 2L);
                    var start = EdfAnnotationList.Parse(path, record.Slice(signal.OffsetInRecord * 2, signal.SamplesPerRecord * 2), fileOffset, annotations);
                    recordStarts![recordIndex] ??= start;
                }
            }
        }

        return new EdfData(samples, recordStarts, annotations);
    }

    /// <summary>physical = digital * gain + offset, the linear map of the EDF specification, with gain and offset in mV.</summary>
    private static void Decode(ReadOnlySpan<byte> digital, Span<double> millivolts, double gain, double offset)
    {
        for (var i = 0; i < millivolts.Length; i++)
        {
            millivolts[i] = (BinaryPrimitives.ReadInt16LittleEndian(digital[(2 * i)..]) * gain) + offset;
        }
    }

    private static EcgMetadata Metadata(EdfHeader header, EdfSignalSelection selection, EdfRecordTiming timing, List<EdfAnnotation> annotations)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string>();
        if (selection.Dropped.Count > 0)
        {
            properties["Dropped signals"] = string.Join("; ", selection.Dropped);
        }

        if (timing.Gaps.Count > 0)
        {
            properties["Gaps"] = string.Join("; ", timing.Gaps.Select(gap =>
                string.Create(CultureInfo.InvariantCulture, $"at sample {gap.SampleIndex}: {gap.Seconds:0.######} s")));
        }

        if (!header.IsEdfPlus && header.Recording.Length > 0)
        {
            properties["Recording"] = header.Recording;
        }

        foreach (var (signal, _) in selection.Leads)
        {
            AddIfPresent(properties, $"{LeadName(signal)} transducer", signal.Transducer);
            AddIfPresent(properties, $"{LeadName(signal)} prefiltering", signal.Prefiltering);
        }

        return new EcgMetadata
        {
            SourceFormat = header.IsEdfPlus ? FormatPlus : Format,
            Device = header.IsEdfPlus ? EdfPlusEquipment(header.Recording) : null,
            Comments = [.. annotations.Select(Describe)],
            Properties = properties.ToImmutable(),
        };
    }

    private static string Describe(EdfAnnotation annotation) => annotation.DurationSeconds is { } duration
        ? string.Create(CultureInfo.InvariantCulture, $"{annotation.OnsetSeconds:0.######} s (for {duration:0.######} s): {annotation.Text}")
        : string.Create(CultureInfo.InvariantCulture, $"{annotation.OnsetSeconds:0.######} s: {annotation.Text}");

    /// <summary>The equipment subfield of an EDF+ recording field: "Startdate date admincode technician equipment".</summary>
    private static string? EdfPlusEquipment(string recording)
    {
        var parts = recording.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 5 && parts[0] == "Startdate" && parts[4] != "X" ? parts[4].Replace('_', ' ') : null;
    }

    private static void AddIfPresent(ImmutableDictionary<string, string>.Builder properties, string key, string value)
    {
        if (value.Length > 0)
        {
            properties[key] = value;
        }
    }

    private static string LeadName(EdfSignalHeader signal) =>
        string.IsNullOrWhiteSpace(signal.Label) ? $"Signal {signal.Index + 1}" : signal.Label;

    private static bool IsDigits(ReadOnlySpan<byte> field) => !field.IsEmpty && field.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    private sealed record EdfData(double[][] Samples, double?[]? RecordStarts, List<EdfAnnotation> Annotations);
}
