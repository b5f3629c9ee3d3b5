using System.Collections.Immutable;
using System.Globalization;

namespace EcgScope.Formats.Withings;

/// <summary>One row of a Withings <c>signal.csv</c>: a single-lead recording (30 s at 300 Hz on ScanWatch and Move ECG).</summary>
/// <param name="Line">The 1-based line of the row in the file.</param>
/// <param name="Date">When the recording started, with the UTC offset the export gives.</param>
/// <param name="Type">The <c>type</c> column ("Electrocardiogram"), or null when absent or empty.</param>
/// <param name="FrequencyHertz">The <c>frequency</c> column: samples per second, positive.</param>
/// <param name="DurationSeconds">The <c>duration</c> column: seconds, positive; frequency × duration is the sample count.</param>
/// <param name="WearPosition">The <c>wearposition</c> code (1 = left wrist), or null when absent or empty.</param>
/// <param name="SamplesMillivolts">The <c>signal</c> column converted from integer µV to mV.</param>
/// <param name="DoctorAssessment">The <c>doctor_assessment</c> column, or null when absent or empty.</param>
/// <param name="DoctorName">The <c>doctor_name</c> column, or null when absent or empty.</param>
/// <param name="CheckupDate">The <c>checkup_date</c> column as written, or null when absent or empty.</param>
public sealed record WithingsEcgRecording(
    int Line,
    DateTimeOffset Date,
    string? Type,
    double FrequencyHertz,
    double DurationSeconds,
    int? WearPosition,
    ImmutableArray<double> SamplesMillivolts,
    string? DoctorAssessment,
    string? DoctorName,
    string? CheckupDate)
{
    /// <summary>The <c>type</c> value of an ECG recording.</summary>
    public const string ElectrocardiogramType = "Electrocardiogram";

    /// <summary>The wear position in words: "left wrist" for code 1 (the only code seen in genuine exports), "code N" otherwise, null when absent.</summary>
    public string? WearPositionName => WearPosition switch
    {
        null => null,
        1 => "left wrist",
        var code => string.Create(CultureInfo.InvariantCulture, $"code {code}"),
    };
}
