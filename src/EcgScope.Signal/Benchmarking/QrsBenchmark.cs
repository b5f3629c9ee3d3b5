using System.Collections.Immutable;
using System.Diagnostics;
using EcgScope.Core;
using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Benchmarking;

/// <summary>How <see cref="QrsBenchmark"/> scores and times the detectors.</summary>
public sealed record QrsBenchmarkOptions
{
    /// <summary>Defaults: ±150 ms, 5-minute warm-up, median of 5 timed runs.</summary>
    public static QrsBenchmarkOptions Default { get; } = new();

    /// <summary>Largest time difference between a detection and its reference beat.</summary>
    public TimeSpan Tolerance { get; init; } = QrsScorer.DefaultTolerance;

    /// <summary>The part of each record left out of the "after warm-up" score (ANSI/AAMI EC57: 5 minutes).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times each detector runs on each case; the median time is reported. At least 1.</summary>
    public int TimingRuns { get; init; } = 5;

    /// <summary>
    /// Whether each detector runs on every lead of the record and the beats are fused across leads
    /// (<see cref="LeadFusion"/>) instead of running on the case's lead alone; the reference stays the case's.
    /// </summary>
    public bool FuseLeads { get; init; }
}

/// <summary>One detector on one case.</summary>
/// <param name="Case">The case's name (for example "100", or "1/ii" for a lead of a LUDB record).</param>
/// <param name="SampleCount">Samples in the lead that was analysed.</param>
/// <param name="Whole">The score over the case's scored span.</param>
/// <param name="AfterWarmUp">The score over the part of that span from <see cref="QrsBenchmarkOptions.WarmUp"/> on;
/// it has no reference beat (and so no ratios) when the record is shorter than the warm-up.</param>
/// <param name="MedianMilliseconds">Median wall-clock time of one detection run over the lead (over every lead when
/// they are fused).</param>
public sealed record QrsCaseResult(string Case, int SampleCount, DetectionScore Whole, DetectionScore AfterWarmUp, double MedianMilliseconds);

/// <summary>One detector over all cases: per-case rows and gross totals.</summary>
/// <param name="Detector">The detector's <see cref="IRPeakDetector.Name"/>.</param>
/// <param name="Cases">One row per case, in the order given.</param>
public sealed record QrsDetectorResult(string Detector, ImmutableArray<QrsCaseResult> Cases)
{
    /// <summary>Gross score over the scored spans (counts summed over cases).</summary>
    public DetectionScore Total => Cases.Aggregate(default(DetectionScore), (sum, row) => sum + row.Whole);

    /// <summary>Gross score after the warm-up.</summary>
    public DetectionScore TotalAfterWarmUp => Cases.Aggregate(default(DetectionScore), (sum, row) => sum + row.AfterWarmUp);

    /// <summary>Median over cases of the per-case median time, in milliseconds.</summary>
    public double MedianMillisecondsPerCase => Statistics.Median([.. Cases.Select(row => row.MedianMilliseconds)]);

    /// <summary>Samples analysed per second of detector time, over all cases.</summary>
    public double SamplesPerSecond
    {
        get
        {
            var seconds = Cases.Sum(row => row.MedianMilliseconds) / 1000.0;
            return seconds > 0 ? Cases.Sum(row => (double)row.SampleCount) / seconds : double.PositiveInfinity;
        }
    }
}

/// <summary>The outcome of a <see cref="QrsBenchmark"/> run: one result per detector, in the order given.</summary>
/// <param name="Detectors">The results, one per detector.</param>
/// <param name="Options">The options the run used.</param>
public sealed record QrsBenchmarkResult(ImmutableArray<QrsDetectorResult> Detectors, QrsBenchmarkOptions Options);

/// <summary>
/// Scores and times R-peak detectors on annotated cases (for example the 48 MIT-BIH Arrhythmia records, or the 2,400
/// leads of LUDB): one-to-one matching within the tolerance (<see cref="BeatMatcher"/>), every unmatched detection in
/// the scored span a false positive, gross totals over cases.
/// </summary>
public static class QrsBenchmark
{
    /// <summary>Runs every detector on every case.</summary>
    /// <param name="cases">The cases, read one at a time (a lazy sequence keeps one record in memory).</param>
    /// <param name="caseCount">How many cases there are, for progress reports.</param>
    /// <param name="detectors">The detectors to score.</param>
    /// <param name="options">Tolerance, warm-up and timing runs; <see cref="QrsBenchmarkOptions.Default"/> if null.</param>
    /// <param name="progress">Told after each case.</param>
    /// <param name="cancellationToken">Checked between detector runs.</param>
    public static QrsBenchmarkResult Run(
        IEnumerable<QrsBenchmarkCase> cases,
        int caseCount,
        IReadOnlyList<IRPeakDetector> detectors,
        QrsBenchmarkOptions? options = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(detectors);
        options ??= QrsBenchmarkOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimingRuns, 1);

        var rows = detectors.Select(_ => ImmutableArray.CreateBuilder<QrsCaseResult>(caseCount)).ToArray();
        var done = 0;
        foreach (var benchmarkCase in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var d = 0; d < detectors.Count; d++)
            {
                rows[d].Add(ScoreCase(benchmarkCase, detectors[d], options, cancellationToken));
            }

            progress?.Report(new WorkProgress(++done, Math.Max(done, caseCount), benchmarkCase.Name));
        }

        var results = detectors.Select((detector, d) => new QrsDetectorResult(detector.Name, rows[d].ToImmutable()));
        return new QrsBenchmarkResult([.. results], options);
    }

    /// <summary>Scores and times one detector on one case.</summary>
    public static QrsCaseResult ScoreCase(QrsBenchmarkCase benchmarkCase, IRPeakDetector detector, QrsBenchmarkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        var record = benchmarkCase.Record;
        var lead = record.Leads[benchmarkCase.LeadIndex];
        var times = new double[options.TimingRuns];
        int[] detections = [];
        for (var run = 0; run < times.Length; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            detections = options.FuseLeads ? LeadFusion.Detect(detector, record) : detector.Detect(lead.Span, record.SamplingRate);
            times[run] = clock.Elapsed.TotalMilliseconds;
        }

        var matching = BeatMatcher.Match(
            benchmarkCase.ReferenceBeats.AsSpan(), detections, QrsScorer.ToSamples(options.Tolerance, record.SamplingRate));
        var warmUpEnd = Math.Max(benchmarkCase.ScoredFrom, QrsScorer.ToSamples(options.WarmUp, record.SamplingRate));
        return new QrsCaseResult(
            benchmarkCase.Name,
            lead.Length,
            matching.Score(benchmarkCase.ScoredFrom, benchmarkCase.ScoredTo),
            matching.Score(warmUpEnd, benchmarkCase.ScoredTo),
            Statistics.Median(times));
    }
}
