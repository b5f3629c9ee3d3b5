using System.Text.Json;
using EcgScope.Testing;

namespace EcgScope.Cli.Tests;

public sealed class BenchmarkCommandTests
{
    [Fact]
    public void Benchmark_scores_each_record_and_the_total()
    {
        var folder = TestData.TempFolder();
        foreach (var record in new[] { "100", "207" })
        {
            foreach (var extension in new[] { ".hea", ".dat", ".atr" })
            {
                File.Copy(TestData.File("mitdb", record + extension), Path.Combine(folder, record + extension));
            }
        }

        var run = CliRun.Of("benchmark", "qrs", "--data", folder, "--format", "json", "--timing-runs", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Json.GetProperty("caseCount").GetInt32());
        var clean = Assert.Single(run.Json.GetProperty("runs").EnumerateArray());
        Assert.Equal("clean", clean.GetProperty("condition").GetString());
        foreach (var detector in clean.GetProperty("detectors").EnumerateArray())
        {
            var records = detector.GetProperty("cases").EnumerateArray().ToArray();
            Assert.Equal(["100", "207"], records.Select(r => r.GetProperty("case").GetString()));
            var total = detector.GetProperty("total");
            var summed = records.Sum(r => r.GetProperty("whole").GetProperty("truePositives").GetInt32());
            Assert.Equal(summed, total.GetProperty("truePositives").GetInt32());
            // Record 100 holds 2273 reference beats, record 207 1860.
            Assert.Equal(2273 + 1860, total.GetProperty("referenceBeats").GetInt32());
            Assert.True(detector.GetProperty("samplesPerSecond").GetDouble() > 0);
        }
    }

    [Fact]
    public void Noise_stress_runs_one_condition_per_snr_and_noise_costs_accuracy()
    {
        var folder = TestData.TempFolder();
        foreach (var extension in new[] { ".hea", ".dat", ".atr" })
        {
            File.Copy(TestData.File("mitdb", "100" + extension), Path.Combine(folder, "100" + extension));
        }

        var noise = TestData.File("nstdb-noise", "ma.hea");
        var run = CliRun.Of(
            "benchmark", "qrs", "--data", folder, "--noise", noise, "--snr", "24", "--snr", "-6",
            "--detector", "robust-envelope", "--format", "json", "--timing-runs", "1");

        Assert.Equal(0, run.ExitCode);
        var runs = run.Json.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(["ma at 24 dB", "ma at -6 dB"], runs.Select(r => r.GetProperty("condition").GetString()));
        Assert.Equal([24.0, -6.0], runs.Select(r => r.GetProperty("snrDb").GetDouble()));
        var f1 = runs.Select(r => r.GetProperty("detectors")[0].GetProperty("total").GetProperty("f1Percent").GetDouble()).ToArray();
        Assert.True(f1[0] > 99.5, $"F1 at 24 dB: {f1[0]}");
        Assert.True(f1[1] < f1[0] - 1, $"F1 at -6 dB ({f1[1]}) should be clearly below F1 at 24 dB ({f1[0]})");
    }

    [Fact]
    public void Ludb_gives_one_case_per_annotated_lead_scored_inside_the_annotated_span()
    {
        var folder = TestData.TempFolder();
        foreach (var file in Directory.EnumerateFiles(TestData.File("ludb", "data"), "1.*"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var run = CliRun.Of("benchmark", "qrs", "--data", folder, "--detector", "robust-envelope", "--format", "json", "--timing-runs", "1");

        Assert.Equal(0, run.ExitCode);
        var detector = run.Json.GetProperty("runs")[0].GetProperty("detectors")[0];
        var cases = detector.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(12, cases.Length);
        Assert.Equal("1/i", cases[0].GetProperty("case").GetString());
        Assert.All(cases, c => Assert.InRange(c.GetProperty("whole").GetProperty("referenceBeats").GetInt32(), 5, 20));

        // A 10 s record has nothing after a 5-minute warm-up: no score, not 100 %.
        Assert.All(cases, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("afterWarmUp").GetProperty("f1Percent").ValueKind));
    }

    [Fact]
    public void Fused_leads_are_scored_against_each_leads_own_reference()
    {
        var folder = TestData.TempFolder();
        foreach (var file in Directory.EnumerateFiles(TestData.File("ludb", "data"), "1.*"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var run = CliRun.Of("benchmark", "qrs", "--data", folder, "--fuse-leads", "--detector", "robust-envelope", "--format", "json", "--timing-runs", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Json.GetProperty("fusedLeads").GetBoolean());
        var cases = run.Json.GetProperty("runs")[0].GetProperty("detectors")[0].GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(12, cases.Length);
        Assert.All(cases, c => Assert.Equal(0, c.GetProperty("whole").GetProperty("falseNegatives").GetInt32()));
    }

    [Fact]
    public void Delineation_scores_the_chosen_ludb_records_per_fiducial_and_compares_the_measures()
    {
        var folder = TestData.TempFolder();
        foreach (var file in new[] { "1.*", "2.*", "3.*" }.SelectMany(pattern => Directory.EnumerateFiles(TestData.File("ludb", "data"), pattern)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var run = CliRun.Of("benchmark", "delineation", "--data", folder, "--records", "odd", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("odd", run.Json.GetProperty("records").GetString());
        Assert.Equal((2, 24), (run.Json.GetProperty("recordCount").GetInt32(), run.Json.GetProperty("leadCount").GetInt32()));
        var fiducials = run.Json.GetProperty("fiducials").EnumerateArray().ToArray();
        Assert.Equal(["Pon", "Ppeak", "Poff", "QRSon", "QRSoff", "Ton", "Tpeak", "Toff"], fiducials.Select(f => f.GetProperty("fiducial").GetString()));
        Assert.All(fiducials, f => Assert.Equal(
            f.GetProperty("annotated").GetInt32(), f.GetProperty("truePositives").GetInt32() + f.GetProperty("falseNegatives").GetInt32()));
        var measures = run.Json.GetProperty("measures");
        Assert.Equal(
            ["tAmplitudeMillivolts", "stDeviationMillivolts", "prMilliseconds", "qrsMilliseconds", "qtMilliseconds"],
            measures.EnumerateObject().Select(m => m.Name));
        Assert.InRange(measures.GetProperty("tAmplitudeMillivolts").GetProperty("leads").GetInt32(), 12, 24);
        Assert.InRange(run.Json.GetProperty("tWaveInversion").GetProperty("leads").GetInt32(), 12, 24);
    }

    [Fact]
    public void Delineation_on_a_folder_without_per_lead_annotations_is_an_input_error()
    {
        var run = CliRun.Of("benchmark", "delineation", "--data", SampleFolder(), "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("one wave annotation file per lead", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_snr_without_noise_is_an_input_error()
    {
        var run = CliRun.Of("benchmark", "qrs", "--data", SampleFolder(), "--snr", "6", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--noise", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_annotated_records_is_an_input_error()
    {
        var run = CliRun.Of("benchmark", "qrs", "--data", TestData.TempFolder());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".atr", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5", "has 2 leads (MLII, V5)")]
    [InlineData("-1", "counts from 0")]
    public void A_lead_the_records_do_not_have_is_an_input_error(string lead, string reason)
    {
        var run = CliRun.Of("benchmark", "qrs", "--data", SampleFolder(), "--lead", lead, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_sample_is_analysable()
    {
        var sample = Path.Combine(SampleFolder(), "mitdb-100-60s.hea");

        var run = CliRun.Of("analyze", sample, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var lead = run.Json.GetProperty("leads")[0];
        Assert.InRange(lead.GetProperty("rPeakCount").GetInt32(), 70, 78);
    }

    private static string SampleFolder() => TestData.RepositoryFile("samples");
}
