using EcgScope.Core;

namespace EcgScope.Formats.Edf;

/// <summary>
/// When each data record starts. In EDF and EDF+C record k starts at k x duration; in EDF+D the first TAL of each
/// record (the time-keeping annotation) says when it starts, and a start later than the previous record's end is a
/// gap. Samples are joined end to end, so this also maps an annotation's onset to a sample index.
/// </summary>
internal sealed class EdfRecordTiming
{
    private readonly double[] starts;
    private readonly int samplesPerRecord;
    private readonly double rate;
    private readonly long sampleCount;

    private EdfRecordTiming(double[] starts, int samplesPerRecord, double rate, IReadOnlyList<(int SampleIndex, double Seconds)> gaps)
    {
        this.starts = starts;
        this.samplesPerRecord = samplesPerRecord;
        this.rate = rate;
        sampleCount = (long)starts.Length * samplesPerRecord;
        Gaps = gaps;
    }

    /// <summary>When the first record starts, in seconds after the header's start time (EDF+ allows a late start).</summary>
    public double FirstRecordStartSeconds => starts[0];

    /// <summary>Gaps between records: the first sample after the gap and the gap's length in seconds.</summary>
    public IReadOnlyList<(int SampleIndex, double Seconds)> Gaps { get; }

    /// <summary>Builds the timing; <paramref name="timeKeeping"/> holds each record's TAL start (null without EDF+ annotations).</summary>
    public static EdfRecordTiming Build(string path, EdfHeader header, double?[]? timeKeeping, int samplesPerRecord, double rate)
    {
        var duration = header.RecordDurationSeconds;
        if (timeKeeping is null)
        {
            if (header.IsDiscontinuous)
            {
                throw new EcgFormatException(path, "EDF+D file has no 'EDF Annotations' signal, so its records cannot be placed in time.", byteOffset: 192);
            }

            return new EdfRecordTiming([.. Enumerable.Range(0, header.RecordCount).Select(k => k * duration)], samplesPerRecord, rate, []);
        }

        var starts = new double[timeKeeping.Length];
        var gaps = new List<(int, double)>();
        var tolerance = 0.5 / rate;
        for (var k = 0; k < starts.Length; k++)
        {
            var recordOffset = header.HeaderBytes + (k * header.RecordBytes);
            starts[k] = timeKeeping[k] ?? throw new EcgFormatException(path,
                $"data record {k + 1} has no time-keeping annotation (its first TAL).", byteOffset: recordOffset);
            if (k == 0)
            {
                continue;
            }

            var gap = starts[k] - (starts[k - 1] + duration);
            if (gap < -tolerance)
            {
                throw new EcgFormatException(path,
                    $"data record {k + 1} starts at {starts[k]} s, before the previous record ends ({starts[k - 1] + duration} s).", byteOffset: recordOffset);
            }

            if (gap > tolerance)
            {
                gaps.Add((k * samplesPerRecord, gap));
            }
        }

        return new EdfRecordTiming(starts, samplesPerRecord, rate, gaps);
    }

    /// <summary>
    /// The sample at <paramref name="seconds"/> from the file's start: in the last record starting at or before it,
    /// clamped to the recording (an onset inside a gap goes to the end of the record before it).
    /// </summary>
    public int SampleIndexAt(double seconds)
    {
        var record = Array.BinarySearch(starts, seconds);
        record = record >= 0 ? record : Math.Max(0, ~record - 1);
        var within = Math.Clamp(Math.Round((seconds - starts[record]) * rate), 0, samplesPerRecord - 1);
        return (int)Math.Clamp(((long)record * samplesPerRecord) + (long)within, 0, sampleCount - 1);
    }
}
