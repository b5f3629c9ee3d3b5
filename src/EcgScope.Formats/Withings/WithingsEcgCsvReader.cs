using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Withings;

/// <summary>
/// Reads the ECG <c>signal.csv</c> of a Withings Health Mate data export (ScanWatch, Move ECG; see
/// <see cref="WithingsEcgFile"/>). The file holds every recording of the account; this reader gives the first one,
/// in file order, as a single-lead record at the row's frequency, in mV, starting at the row's date.
/// <see cref="WithingsEcgFile.Read(string)"/> lists all of them and <see cref="ToRecord"/> reads any one.
/// </summary>
/// <remarks>Recognised by its header line, whatever the file's name.</remarks>
public sealed class WithingsEcgCsvReader : EcgFormatReader
{
    /// <summary>The name reported in <see cref="EcgMetadata.SourceFormat"/>.</summary>
    public const string Format = "Withings ECG CSV";

    /// <summary>The value of <see cref="EcgMetadata.Device"/>: the export does not say which model recorded.</summary>
    public const string Device = "Withings";

    /// <summary>
    /// The lead's name. Withings watches record between the watch's back (on one wrist) and a finger of the other
    /// hand on its bezel, left arm against right arm: Einthoven's lead I, as Apple Watch records.
    /// </summary>
    public const string LeadName = "I";

    /// <summary>Metadata property: which recording of the file this is, for example "1 of 4".</summary>
    public const string RecordingProperty = "Withings recording";

    /// <summary>Metadata property: where the watch was worn, for example "left wrist".</summary>
    public const string WearPositionProperty = "Withings wear position";

    /// <summary>Metadata property: the <c>doctor_assessment</c> column, when not empty.</summary>
    public const string DoctorAssessmentProperty = "Withings doctor assessment";

    /// <summary>Metadata property: the <c>doctor_name</c> column, when not empty.</summary>
    public const string DoctorNameProperty = "Withings doctor name";

    /// <summary>Metadata property: the <c>checkup_date</c> column as written, when not empty.</summary>
    public const string CheckupDateProperty = "Withings checkup date";

    /// <inheritdoc />
    public override string FormatName => Format;

    /// <inheritdoc />
    /// <remarks>A text file whose first line names a "signal" column and four other Withings columns.</remarks>
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head) => WithingsEcgFile.HasHeader(head);

    /// <inheritdoc />
    /// <remarks>The first recording of the file; <paramref name="options"/> are not used (the file states rate and unit).</remarks>
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ToRecord(WithingsEcgFile.Read(source), 0);
    }

    /// <summary>The record of recording <paramref name="index"/> (0-based) of <paramref name="file"/>.</summary>
    /// <param name="file">A parsed file.</param>
    /// <param name="index">Which recording, 0 to <c>Recordings.Length - 1</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a recording of the file.</exception>
    /// <exception cref="EcgFormatException">The recording's type is not "Electrocardiogram".</exception>
    public static EcgRecord ToRecord(WithingsEcgFile file, int index)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, file.Recordings.Length);
        var recording = file.Recordings[index];
        if (recording.Type is { } type && !type.Equals(WithingsEcgRecording.ElectrocardiogramType, StringComparison.OrdinalIgnoreCase))
        {
            throw new EcgFormatException(file.Source,
                $"the recording is of type '{type}', not '{WithingsEcgRecording.ElectrocardiogramType}'.", line: recording.Line);
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string>();
        properties.Add(RecordingProperty, string.Create(CultureInfo.InvariantCulture, $"{index + 1} of {file.Recordings.Length}"));
        properties.AddIfPresent(WearPositionProperty, recording.WearPositionName);
        properties.AddIfPresent(DoctorAssessmentProperty, recording.DoctorAssessment);
        properties.AddIfPresent(DoctorNameProperty, recording.DoctorName);
        properties.AddIfPresent(CheckupDateProperty, recording.CheckupDate);
        return new EcgRecord([new EcgLead(LeadName, recording.SamplesMillivolts)], new SamplingRate(recording.FrequencyHertz))
        {
            StartTime = recording.Date,
            Metadata = new EcgMetadata { SourceFormat = Format, Device = Device, Properties = properties.ToImmutable() },
        };
    }
}
