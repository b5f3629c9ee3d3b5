using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Formats.Wfdb;
using EcgScope.Signal.Benchmarking;
using EcgScope.Signal.Detection;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests.Detection;

/// <summary>
/// The 48 MIT-BIH Arrhythmia records, channel 0, against their beat annotations: ±150 ms, one to one, every unmatched
/// detection a false positive, over the whole record. Floors are the measured figures less a margin.
/// </summary>
public sealed class MitBihDetectionTests
{
    [Fact]
    public void Scores_both_detectors_on_all_48_records()
    {
        var records = WfdbDatabase.FindRecords(TestData.Require("mitdb"));
        Assert.Equal(48, records.Count);
        var progress = new List<WorkProgress>();

        var result = QrsBenchmark.Run(
            records.Select(path => QrsBenchmarkCase.WholeRecord(Path.GetFileNameWithoutExtension(path), EcgFile.Read(path), 0)),
            records.Count,
            [new RobustEnvelopeDetector(), new PanTompkins1985Detector()],
            QrsBenchmarkOptions.Default with { TimingRuns = 1 },
            new SynchronousProgress<WorkProgress>(progress.Add),
            TestContext.Current.CancellationToken);

        Assert.Equal(48, progress.Count);
        foreach (var detector in result.Detectors)
        {
            Report(detector);
            Assert.Equal(48, detector.Cases.Length);
            Assert.Equal(109_494, detector.Total.ReferenceCount);
        }

        // Measured: Se 99.81 %, +P 99.73 %.
        var robust = result.Detectors[0].Total;
        Assert.True(robust.Sensitivity >= 0.995 && robust.PositivePredictivity >= 0.995, $"robust-envelope: {robust}");

        // Measured: Se 99.68 %, +P 99.50 %.
        var panTompkins = result.Detectors[1].Total;
        Assert.True(panTompkins.Sensitivity >= 0.994 && panTompkins.PositivePredictivity >= 0.992, $"pantompkins1985: {panTompkins}");
    }

    // Measured F1 on these six records: 99.89 % at 12 dB, 99.78 % at 6 dB, 98.88 % at 0 dB.
    [Theory]
    [InlineData(12.0, 0.995)]
    [InlineData(6.0, 0.99)]
    [InlineData(0.0, 0.97)]
    public void Robust_detector_survives_noise_and_baseline_wander(double snrDecibels, double floorF1)
    {
        var folder = TestData.Require("mitdb");
        var detector = new RobustEnvelopeDetector();
        var total = default(DetectionScore);
        foreach (var name in NoisyRecords)
        {
            var record = EcgFile.Read(Path.Combine(folder, name + ".hea"));
            var noisy = NoisyCopy(record.Leads[0].Span, record.SamplingRate, snrDecibels, seed: int.Parse(name, CultureInfo.InvariantCulture));
            total += QrsScorer.Score(QrsScorer.ReferenceBeats(record), detector.Detect(noisy, record.SamplingRate), record.SamplingRate);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"SNR {snrDecibels} dB: {total}, Se {total.Sensitivity:P2}, +P {total.PositivePredictivity:P2}, F1 {total.F1:P2}");
        Assert.True(total.F1 >= floorF1, $"F1 {total.F1:P2} at {snrDecibels} dB: {total}");
    }

    private static readonly string[] NoisyRecords = ["100", "103", "106", "119", "201", "210"];

    /// <summary>
    /// The lead plus Gaussian white noise and a 0.3 Hz baseline wander, each carrying half the noise power, at
    /// <paramref name="snrDecibels"/> relative to the lead's own power (mean removed).
    /// </summary>
    private static double[] NoisyCopy(ReadOnlySpan<double> lead, SamplingRate rate, double snrDecibels, int seed)
    {
        var mean = 0.0;
        foreach (var v in lead)
        {
            mean += v;
        }

        mean /= lead.Length;
        var power = 0.0;
        foreach (var v in lead)
        {
            power += (v - mean) * (v - mean);
        }

        power /= lead.Length;
        var noisePower = power / Math.Pow(10, snrDecibels / 10);
        var gaussianSigma = Math.Sqrt(noisePower / 2);
        var wanderAmplitude = Math.Sqrt(noisePower); // a sine of amplitude A has power A^2/2
        var random = new Random(seed);
        var noisy = new double[lead.Length];
        for (var i = 0; i < lead.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy[i] = lead[i] + (gaussianSigma * gaussian) + (wanderAmplitude * Math.Sin(2 * Math.PI * 0.3 * i / rate.Hertz));
        }

        return noisy;
    }

    private static void Report(QrsDetectorResult detector)
    {
        var output = TestContext.Current.TestOutputHelper;
        foreach (var row in detector.Cases)
        {
            output?.WriteLine($"{detector.Detector} {row.Case}: {row.Whole}");
        }

        var total = detector.Total;
        output?.WriteLine($"{detector.Detector} total: {total}, Se {total.Sensitivity:P2}, +P {total.PositivePredictivity:P2}, F1 {total.F1:P2}");
    }
}
