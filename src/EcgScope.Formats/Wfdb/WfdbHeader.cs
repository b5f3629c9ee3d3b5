using System.Collections.Immutable;

namespace EcgScope.Formats.Wfdb;

/// <summary>
/// The content of a WFDB header (<c>.hea</c>) file, as specified by the WFDB library's <c>header(5)</c> man page
/// (https://physionet.org/physiotools/wag/header-5.htm).
/// </summary>
public sealed record WfdbHeader
{
    /// <summary>WFDB's default sampling frequency when the record line gives none.</summary>
    public const double DefaultSamplingFrequency = 250;

    /// <summary>The record name from the record line.</summary>
    public required string RecordName { get; init; }

    /// <summary>Number of segments for a multi-segment record (the "/n" after the name), else null.</summary>
    public int? SegmentCount { get; init; }

    /// <summary>Number of signals the record line declares.</summary>
    public required int SignalCount { get; init; }

    /// <summary>Samples per second per signal (frames per second when signals have several samples per frame).</summary>
    public double SamplingFrequency { get; init; } = DefaultSamplingFrequency;

    /// <summary>Counter frequency (ticks per second) when the record line gives one.</summary>
    public double? CounterFrequency { get; init; }

    /// <summary>Counter value of the first sample when the record line gives one.</summary>
    public double? BaseCounter { get; init; }

    /// <summary>The 1-based line number of the record line in the header file (0 when the header was not parsed from text).</summary>
    public int RecordLine { get; init; }

    /// <summary>Number of samples (frames) per signal, or null when the header does not say (0 or absent).</summary>
    public long? SampleCount { get; init; }

    /// <summary>Time of day of the first sample, when given.</summary>
    public TimeSpan? BaseTime { get; init; }

    /// <summary>Date of the first sample, when given.</summary>
    public DateOnly? BaseDate { get; init; }

    /// <summary>
    /// Why fields after the number of samples were not understood as a base time or date (the record is still read,
    /// without a start time), or null when they were.
    /// </summary>
    public string? StartFieldsNote { get; init; }

    /// <summary>The signal specification lines, in order.</summary>
    public ImmutableArray<WfdbSignalSpec> Signals { get; init; } = [];

    /// <summary>The segment lines of a multi-segment record, in order (empty for single-segment records).</summary>
    public ImmutableArray<WfdbSegmentSpec> Segments { get; init; } = [];

    /// <summary>Comment lines, without the leading '#' and surrounding blanks, in order.</summary>
    public ImmutableArray<string> Comments { get; init; } = [];

    /// <summary>
    /// The start time from <see cref="BaseDate"/> and <see cref="BaseTime"/>, as UTC (WFDB stores no zone); null
    /// without a date or when <see cref="StartFieldsNote"/> says a field was not understood.
    /// </summary>
    public DateTimeOffset? StartTime => BaseDate is { } date && StartFieldsNote is null
        ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue) + (BaseTime ?? TimeSpan.Zero), TimeSpan.Zero)
        : null;
}

/// <summary>One signal specification line of a WFDB header.</summary>
public sealed record WfdbSignalSpec
{
    /// <summary>WFDB's default ADC gain (ADC units per physical unit) when the line gives none or 0.</summary>
    public const double DefaultGain = 200;

    /// <summary>Name of the signal file, relative to the header's folder ("~" means no file: all samples missing).</summary>
    public required string FileName { get; init; }

    /// <summary>Storage format number (8, 16, 61, 80, 212, 310, 311, ...).</summary>
    public required int Format { get; init; }

    /// <summary>Samples of this signal per frame (the "x" suffix of the format); 1 when absent.</summary>
    public int SamplesPerFrame { get; init; } = 1;

    /// <summary>Skew in frames (the ":" suffix): sample t of this signal is stored in frame t + skew.</summary>
    public int Skew { get; init; }

    /// <summary>Bytes to skip at the start of the signal file (the "+" suffix).</summary>
    public long ByteOffset { get; init; }

    /// <summary>ADC units per physical unit as written; 0 means uncalibrated. See <see cref="EffectiveGain"/>.</summary>
    public double Gain { get; init; }

    /// <summary>The gain used for conversion: <see cref="Gain"/>, or <see cref="DefaultGain"/> when it is 0.</summary>
    public double EffectiveGain => Gain == 0 ? DefaultGain : Gain;

    /// <summary>The ADC value of 0 physical units (the "(baseline)" after the gain); defaults to <see cref="AdcZero"/>.</summary>
    public required int Baseline { get; init; }

    /// <summary>Physical units (the "/units" after the gain); "mV" when absent.</summary>
    public string Units { get; init; } = "mV";

    /// <summary>ADC resolution in bits.</summary>
    public int AdcResolution { get; init; }

    /// <summary>ADC value of the middle of the ADC's input range.</summary>
    public int AdcZero { get; init; }

    /// <summary>The header's value of the first sample; defaults to <see cref="AdcZero"/>.</summary>
    public required int InitialValue { get; init; }

    /// <summary>16-bit checksum of all samples as written (signed or unsigned), or null when the field is absent.</summary>
    public int? Checksum { get; init; }

    /// <summary>Block size in bytes (0: not a block device).</summary>
    public int BlockSize { get; init; }

    /// <summary>The description (usually the lead name), or null when absent.</summary>
    public string? Description { get; init; }
}

/// <summary>One segment line of a multi-segment WFDB header: a record name ("~" for a gap) and its length.</summary>
/// <param name="RecordName">The segment's record name, or "~" for a null segment.</param>
/// <param name="SampleCount">Samples in the segment.</param>
public sealed record WfdbSegmentSpec(string RecordName, long SampleCount);
