using System.Collections.Immutable;
using System.Diagnostics;
using EcgScope.Core;

namespace EcgScope.Signal.Detection;

/// <summary>How <see cref="QrsBenchmark"/> scores and times the detectors.</summary>
public sealed record QrsBenchmarkOptions
{
    /// <summary>Defaults: ±150 ms, first lead, 5-minute warm-up, median of 5 timed runs.</summary>
    public static QrsBenchmarkOptions Default { get; } = new();

    /// <summary>Largest time difference between a detection and its reference beat.</summary>
    public TimeSpan Tolerance { get; init; } = QrsScorer.DefaultTolerance;

    /// <summary>The part of each record left out of the "after warm-up" score (ANSI/AAMI EC57: 5 minutes).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Which lead the detectors run on (0: the first, MLII in most MIT-BIH records).</summary>
    public int LeadIndex { get; init; }

    /// <summary>How many times each detector runs on each record; the median time is reported. At least 1.</summary>
    public int TimingRuns { get; init; } = 5;
}

/// <summary>One detector on one record.</summary>
/// <param name="Record">The record's name (its file name without extension, for example "100").</param>
/// <param name="SampleCount">Samples in the lead that was analysed.</param>
/// <param name="Whole">The score over the whole record.</param>
/// <param name="AfterWarmUp">The score from <see cref="QrsBenchmarkOptions.WarmUp"/> on.</param>
/// <param name="MedianMilliseconds">Median wall-clock time of one detection run over the record.</param>
public sealed record QrsRecordResult(string Record, int SampleCount, DetectionScore Whole, DetectionScore AfterWarmUp, double MedianMilliseconds);

/// <summary>One detector over all records: per-record rows and gross totals.</summary>
/// <param name="Detector">The detector's <see cref="IRPeakDetector.Name"/>.</param>
/// <param name="Records">One row per record, in the order they were read.</param>
public sealed record QrsDetectorResult(string Detector, ImmutableArray<QrsRecordResult> Records)
{
    /// <summary>Gross score over the whole records (counts summed over records).</summary>
    public DetectionScore Total => Records.Aggregate(default(DetectionScore), (sum, row) => sum + row.Whole);

    /// <summary>Gross score after the warm-up.</summary>
    public DetectionScore TotalAfterWarmUp => Records.Aggregate(default(DetectionScore), (sum, row) => sum + row.AfterWarmUp);

    /// <summary>Median over records of the per-record median time, in milliseconds.</summary>
    public double MedianMillisecondsPerRecord => Statistics.Median([.. Records.Select(row => row.MedianMilliseconds)]);

    /// <summary>Samples analysed per second of detector time, over all records.</summary>
    public double SamplesPerSecond
    {
        get
        {
            var seconds = Records.Sum(row => row.MedianMilliseconds) / 1000.0;
            return seconds > 0 ? Records.Sum(row => (double)row.SampleCount) / seconds : double.PositiveInfinity;
        }
    }
}

/// <summary>The outcome of a <see cref="QrsBenchmark"/> run: one result per detector, in the order given.</summary>
/// <param name="Detectors">The results, one per detector.</param>
/// <param name="Options">The options the run used.</param>
public sealed record QrsBenchmarkResult(ImmutableArray<QrsDetectorResult> Detectors, QrsBenchmarkOptions Options);

/// <summary>
/// Scores and times R-peak detectors on a folder of annotated records (for example MIT-BIH Arrhythmia): every record
/// whose header and reference annotation files are both present, one-to-one matching within the tolerance, every
/// unmatched detection a false positive.
/// </summary>
public static class QrsBenchmark
{
    /// <summary>
    /// The records of <paramref name="folder"/>: the paths of the <c>.hea</c> headers that have a
    /// <paramref name="annotationExtension"/> file beside them, ordered by name.
    /// </summary>
    public static IReadOnlyList<string> FindRecords(string folder, string annotationExtension = ".atr")
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder.");
        }

        return [.. Directory.EnumerateFiles(folder, "*.hea")
            .Where(header => File.Exists(Path.ChangeExtension(header, annotationExtension)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs every detector on every record of <paramref name="folder"/> (see <see cref="FindRecords"/>).</summary>
    /// <param name="folder">The folder of records.</param>
    /// <param name="detectors">The detectors to score.</param>
    /// <param name="readRecord">Reads a record, reference annotations included, from its header path (for example
    /// <c>path =&gt; EcgFile.Read(path)</c>).</param>
    /// <param name="options">Tolerance, warm-up, lead and timing runs; <see cref="QrsBenchmarkOptions.Default"/> if null.</param>
    /// <param name="progress">Told after each record.</param>
    /// <param name="cancellationToken">Checked between detector runs.</param>
    public static QrsBenchmarkResult Run(
        string folder,
        IReadOnlyList<IRPeakDetector> detectors,
        Func<string, EcgRecord> readRecord,
        QrsBenchmarkOptions? options = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(FindRecords(folder), detectors, readRecord, options, progress, cancellationToken);

    /// <summary>Runs every detector on every record in <paramref name="recordPaths"/>.</summary>
    /// <param name="recordPaths">The records, each as the path <paramref name="readRecord"/> takes.</param>
    /// <param name="detectors">The detectors to score.</param>
    /// <param name="readRecord">Reads a record, reference annotations included.</param>
    /// <param name="options">Tolerance, warm-up, lead and timing runs; <see cref="QrsBenchmarkOptions.Default"/> if null.</param>
    /// <param name="progress">Told after each record.</param>
    /// <param name="cancellationToken">Checked between detector runs.</param>
    public static QrsBenchmarkResult Run(
        IReadOnlyList<string> recordPaths,
        IReadOnlyList<IRPeakDetector> detectors,
        Func<string, EcgRecord> readRecord,
        QrsBenchmarkOptions? options = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recordPaths);
        ArgumentNullException.ThrowIfNull(detectors);
        ArgumentNullException.ThrowIfNull(readRecord);
        options ??= QrsBenchmarkOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimingRuns, 1);

        var rows = detectors.Select(_ => ImmutableArray.CreateBuilder<QrsRecordResult>(recordPaths.Count)).ToArray();
        for (var r = 0; r < recordPaths.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = recordPaths[r];
            var record = readRecord(path);
            var name = Path.GetFileNameWithoutExtension(path);
            for (var d = 0; d < detectors.Count; d++)
            {
                rows[d].Add(ScoreRecord(name, record, detectors[d], options, cancellationToken));
            }

            progress?.Report(new WorkProgress(r + 1, recordPaths.Count, name));
        }

        var results = detectors.Select((detector, d) => new QrsDetectorResult(detector.Name, rows[d].ToImmutable()));
        return new QrsBenchmarkResult([.. results], options);
    }

    /// <summary>Scores and times one detector on one record.</summary>
    public static QrsRecordResult ScoreRecord(string name, EcgRecord record, IRPeakDetector detector, QrsBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LeadIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.LeadIndex, record.Leads.Length);
        var lead = record.Leads[options.LeadIndex];
        var times = new double[options.TimingRuns];
        int[] detections = [];
        for (var run = 0; run < times.Length; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            detections = detector.Detect(lead.Span, record.SamplingRate);
            times[run] = clock.Elapsed.TotalMilliseconds;
        }

        var matching = BeatMatcher.Match(
            QrsScorer.ReferenceBeats(record), detections, QrsScorer.ToSamples(options.Tolerance, record.SamplingRate));
        return new QrsRecordResult(
            name,
            lead.Length,
            matching.Score(),
            matching.Score(QrsScorer.ToSamples(options.WarmUp, record.SamplingRate)),
            Statistics.Median(times));
    }
}
