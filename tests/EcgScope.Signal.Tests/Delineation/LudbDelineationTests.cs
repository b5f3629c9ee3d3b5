using System.Globalization;
using System.Text;
using EcgScope.Core;
using EcgScope.Formats.Wfdb;
using EcgScope.Signal.Delineation;
using EcgScope.Signal.Detection;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests.Delineation;

/// <summary>
/// LUDB's 200 records, all 12 leads, each against its own wave annotations, R peaks from the default detector.
/// Thresholds were tuned on the odd-numbered records; the even-numbered ones are held out. Floors are the measured
/// figures (docs/delineation.md) less a margin.
/// </summary>
public sealed class LudbDelineationTests
{
    [Fact]
    public void Delineates_odd_and_even_records_above_the_measured_floors()
    {
        var records = WfdbDatabase.FindRecords(TestData.File("ludb", "data"));
        Assert.Equal(200, records.Count);
        var odd = new DelineationScorer();
        var even = new DelineationScorer();
        foreach (var path in records)
        {
            var number = int.Parse(Path.GetFileNameWithoutExtension(path), CultureInfo.InvariantCulture);
            Score(WfdbDatabase.ReadWithLeadAnnotations(path), number % 2 == 1 ? odd : even);
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine("odd-numbered (tuning):\n" + Table(odd.Scores()));
        output?.WriteLine("even-numbered (held out):\n" + Table(even.Scores()));
        AssertAboveFloors(odd.Scores());
        AssertAboveFloors(even.Scores());
    }

    private static void Score(EcgRecord record, DelineationScorer scorer)
    {
        for (var lead = 0; lead < record.Leads.Length; lead++)
        {
            var leadIndex = lead;
            var reference = DelineationReference.FromWaveAnnotations(record.Annotations.Where(a => a.Channel == leadIndex));
            scorer.Add(WaveletDelineator.Delineate(record, lead, RPeakDetectors.Default), reference);
        }
    }

    private static string Table(IReadOnlyList<DelineationScore> scores)
    {
        var table = new StringBuilder("| fiducial | Se % | +P % | mean ms | SD ms | reference |\n|---|---|---|---|---|---|\n");
        foreach (var score in scores)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {score.Fiducial} | {100 * score.Counts.Sensitivity:F2} | {100 * score.Counts.PositivePredictivity:F2} | {score.MeanErrorMilliseconds:F1} | {score.ErrorStandardDeviationMilliseconds:F1} | {score.Counts.ReferenceCount} |\n");
        }

        return table.ToString();
    }

    /// <summary>
    /// Measured (odd / even): P Se 86.5 / 84.5 %, +P 96.0 / 96.7 %, SD 21-26 ms; QRS Se 99.1-99.5 %, +P 98.9-99.6 %,
    /// SD 19-23 ms; T Se 94.7-95.4 %, +P 97.5-98.1 %, SD 21-31 ms; every mean error within 9 ms.
    /// </summary>
    private static void AssertAboveFloors(IReadOnlyList<DelineationScore> scores)
    {
        Assert.Equal(8, scores.Count);
        foreach (var score in scores)
        {
            var (sensitivity, predictivity, deviation) = score.Fiducial switch
            {
                Fiducial.POnset or Fiducial.PPeak or Fiducial.POffset => (0.82, 0.94, 30.0),
                Fiducial.QrsOnset or Fiducial.QrsOffset => (0.98, 0.98, 28.0),
                _ => (0.93, 0.96, 36.0),
            };
            var message = $"{score.Fiducial}: {score}";
            Assert.True(score.Counts.Sensitivity >= sensitivity, message);
            Assert.True(score.Counts.PositivePredictivity >= predictivity, message);
            Assert.True(Math.Abs(score.MeanErrorMilliseconds) <= 12, message);
            Assert.True(score.ErrorStandardDeviationMilliseconds <= deviation, message);
        }
    }
}
