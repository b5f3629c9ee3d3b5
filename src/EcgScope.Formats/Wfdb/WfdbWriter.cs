using System.Globalization;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Formats.Wfdb;

/// <summary>How <see cref="WfdbWriter"/> stores samples.</summary>
public sealed record WfdbWriteOptions
{
    /// <summary>Defaults: format 16, 1000 ADC units per millivolt, baseline 0, annotations to ".atr".</summary>
    public static WfdbWriteOptions Default { get; } = new();

    /// <summary>The signal format, one of <see cref="WfdbSampleFormat.Writable"/>.</summary>
    public int Format { get; init; } = 16;

    /// <summary>ADC units per millivolt; null picks 200 for format 212, 100 for format 80 and 1000 otherwise.</summary>
    public double? Gain { get; init; }

    /// <summary>The ADC value of 0 mV.</summary>
    public int Baseline { get; init; }

    /// <summary>Extension of the annotation file written when the record has annotations.</summary>
    public string AnnotationExtension { get; init; } = "atr";

    /// <summary>The gain actually used.</summary>
    public double EffectiveGain => Gain ?? Format switch { 212 => 200, 80 => 100, _ => 1000 };
}

/// <summary>
/// Writes an <see cref="EcgRecord"/> as a WFDB record: a header (<c>header(5)</c>) with checksums and initial
/// values, one signal file holding all leads interleaved (<c>signal(5)</c>), and an MIT annotation file
/// (<c>annot(5)</c>) when the record has annotations. Stored value = round(mV × gain + baseline); NaN is stored as the
/// format's invalid value. <see cref="WfdbReader"/> reads the result back to the same samples.
/// </summary>
public static class WfdbWriter
{
    /// <summary>Writes the record; the record name is the header's file name without ".hea".</summary>
    /// <returns>The paths written: header, signal file, and the annotation file if any.</returns>
    /// <exception cref="ArgumentException">A sample does not fit the format at that gain, or a name cannot be stored.</exception>
    public static IReadOnlyList<string> Write(EcgRecord record, string headerPath, WfdbWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(headerPath);
        options ??= WfdbWriteOptions.Default;
        if (!WfdbSampleFormat.Writable.Contains(options.Format))
        {
            throw new ArgumentException($"Format {options.Format} cannot be written (writable: {string.Join(", ", WfdbSampleFormat.Writable)}).", nameof(options));
        }

        if (record.SampleCount == 0)
        {
            throw new ArgumentException("WFDB cannot store a record without samples (a length of 0 means \"unknown\").", nameof(record));
        }

        var recordName = Path.GetFileNameWithoutExtension(headerPath);
        if (recordName.Length == 0 || recordName.Any(char.IsWhiteSpace) || recordName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{recordName}' is not a valid WFDB record name.", nameof(headerPath));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(headerPath)) ?? ".";
        var dataName = recordName + ".dat";
        var stored = StoredValues(record, options);
        var data = new byte[WfdbSampleFormat.ByteCount(options.Format, stored.Length)];
        WfdbSampleFormat.Encode(options.Format, stored, data);

        // Everything that can refuse the record (names, comments, annotations) runs before the first file is written,
        // so a refused record leaves no half-written files behind.
        var header = HeaderText(record, recordName, dataName, stored, options);
        var annotations = record.Annotations.IsEmpty ? null : MitAnnotationFile.Encode(record.Annotations);

        var written = new List<string> { headerPath, Path.Combine(folder, dataName) };
        File.WriteAllBytes(written[1], data);
        File.WriteAllText(headerPath, header);
        if (annotations is not null)
        {
            written.Add(Path.Combine(folder, recordName + "." + options.AnnotationExtension));
            File.WriteAllBytes(written[2], annotations);
        }

        return written;
    }

    // All leads in frame order: sample 0 of every lead, then sample 1, ...
    private static int[] StoredValues(EcgRecord record, WfdbWriteOptions options)
    {
        var leads = record.Leads.Length;
        var stored = new int[(long)record.SampleCount * leads];
        var invalid = WfdbSampleFormat.InvalidValue(options.Format)!.Value;
        var (min, max) = WfdbSampleFormat.ValidRange(options.Format);
        var gain = options.EffectiveGain;
        for (var l = 0; l < leads; l++)
        {
            var samples = record.Leads[l].Span;
            for (var t = 0; t < samples.Length; t++)
            {
                var value = samples[t];
                var adc = Math.Round((value * gain) + options.Baseline);
                if (!double.IsNaN(value) && (adc < min || adc > max))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Lead '{record.Leads[l].Name}' sample {t} ({value} mV) does not fit format {options.Format} at gain {gain} and baseline {options.Baseline}."), nameof(record));
                }

                stored[((long)t * leads) + l] = double.IsNaN(value) ? invalid : (int)adc;
            }
        }

        return stored;
    }

    private static string HeaderText(EcgRecord record, string recordName, string dataName, int[] stored, WfdbWriteOptions options)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"{recordName} {record.Leads.Length} {record.SamplingRate.Hertz:R} {record.SampleCount}");
        if (record.StartTime is { } start)
        {
            // WFDB stores no time zone; the reader takes the clock time as UTC, so write UTC.
            var clock = start.UtcDateTime;
            text.Append(' ').Append(clock.ToString(clock.Millisecond == 0 ? "HH:mm:ss" : "HH:mm:ss.fff", invariant))
                .Append(' ').Append(clock.ToString("dd/MM/yyyy", invariant));
        }

        text.Append('\n');
        var (resolution, leads) = (options.Format switch { 212 => 12, 80 => 8, _ => 16 }, record.Leads.Length);
        for (var l = 0; l < leads; l++)
        {
            var name = record.Leads[l].Name;
            RequireSingleLine(name, "lead name");
            long checksum = 0;
            for (var i = l; i < stored.Length; i += leads)
            {
                checksum += stored[i];
            }

            var initial = stored.Length > 0 ? stored[l] : options.Baseline;
            text.Append(invariant, $"{dataName} {options.Format} {options.EffectiveGain:R}({options.Baseline})/mV {resolution} 0 {initial} {(short)checksum} 0 {name.Trim()}\n");
        }

        foreach (var comment in record.Metadata.Comments)
        {
            RequireSingleLine(comment, "comment");
            text.Append("# ").Append(comment).Append('\n');
        }

        return text.ToString();
    }

    private static void RequireSingleLine(string text, string what)
    {
        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException($"A {what} cannot contain a line break: '{text}'.", nameof(text));
        }
    }
}
