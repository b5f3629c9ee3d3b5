using System.CommandLine;
using System.Globalization;
using EcgScope.Cli.Output;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Signal.Benchmarking;
using EcgScope.Signal.Detection;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope benchmark qrs --data DIR [--noise RECORD --snr DB ...]</c>: scores the R-peak detectors on annotated
/// records, clean or under a noise stress test.
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>The SNRs of the MIT-BIH Noise Stress Test Database, used when <c>--noise</c> comes without <c>--snr</c>.</summary>
    private static readonly double[] NstdbSnrs = [24, 18, 12, 6, 0, -6];

    public static Command Create() => new("benchmark", "Measure EcgScope's algorithms against reference data.")
    {
        CreateQrs(),
        DelineationBenchmarkCommand.Create(),
        BenchmarkDigitizerCommand.Create(),
        BenchmarkPrintedRateCommand.Create(),
    };

    private static Command CreateQrs()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "A folder of WFDB records with reference beat annotations: a .atr file per record (MIT-BIH), or one file per lead (LUDB's data folder).",
            Required = true,
        };
        var detector = new Option<string[]>("--detector")
        {
            Description = $"Detectors to score (repeatable): {DetectorNames.List}. Default: all.",
        };
        var lead = new Option<int?>("--lead")
        {
            Description = "Index of the lead to detect on. Default: 0 for records with a .atr file, every annotated lead for records annotated per lead.",
        };
        var record = new Option<string[]>("--record")
        {
            Description = "Score only these records (repeatable), by name, for example 100.",
        };
        var noise = new Option<FileInfo>("--noise")
        {
            Description = "A WFDB noise record to add as PhysioNet's nst does (for example nstdb-noise/ma.hea: muscle artifact; bw: baseline wander).",
        };
        var snr = new Option<double[]>("--snr")
        {
            Description = "Signal-to-noise ratios in dB for --noise (repeatable). Default: 24, 18, 12, 6, 0 and -6, as in the Noise Stress Test Database.",
        };
        var fuse = new Option<bool>("--fuse-leads")
        {
            Description = "Detect on every lead of each record and keep the beats that at least half of the leads found (scored against each case's own reference).",
        };
        var runs = new Option<int>("--timing-runs")
        {
            Description = "Runs per record for timing; the median is reported.",
            DefaultValueFactory = _ => QrsBenchmarkOptions.Default.TimingRuns,
        };
        var format = new CommonOptions().Format;
        var command = new Command("qrs", "Score R-peak detectors (TP, FP, FN, Se, +P, F1 per record and in total, ±150 ms one-to-one) and time them.")
        {
            data, detector, lead, record, noise, snr, fuse, runs, format,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var folder = parse.GetRequiredValue(data).FullName;
            var names = parse.GetValue(detector) ?? [];
            IReadOnlyList<IRPeakDetector> detectors = names.Length == 0 ? RPeakDetectors.All : [.. names.Select(DetectorNames.Resolve)];
            var leadIndex = parse.GetValue(lead);
            var timingRuns = parse.GetValue(runs);
            if (leadIndex < 0)
            {
                throw new UsageException($"--lead {leadIndex}: a lead index counts from 0.");
            }

            if (timingRuns < 1)
            {
                throw new UsageException($"--timing-runs {timingRuns}: at least one run is needed to time a detector.");
            }

            var cases = QrsBenchmarkCases.Find(folder, parse.GetValue(record) ?? [], leadIndex);
            var conditions = Conditions(parse.GetValue(noise), parse.GetValue(snr) ?? []);
            var options = QrsBenchmarkOptions.Default with { TimingRuns = timingRuns, FuseLeads = parse.GetValue(fuse) };
            var runsDone = conditions.Select(condition => new BenchmarkRun(
                condition.Label,
                condition.NoiseName,
                condition.SnrDecibels,
                ConsoleProgress.Run($"scoring detectors ({condition.Label})", progress => QrsBenchmark.Run(
                    cases.Read(condition.Prepare),
                    cases.Count,
                    detectors,
                    options,
                    progress,
                    cancellationToken)))).ToList();
            return BenchmarkQrsReport.From(folder, options, runsDone);
        })));
        return command;
    }

    /// <summary>Clean records only, or the noise record added at each SNR.</summary>
    private static List<Condition> Conditions(FileInfo? noise, double[] snrs)
    {
        if (noise is null)
        {
            return snrs.Length == 0
                ? [new Condition("clean", null, null, record => record)]
                : throw new UsageException("--snr: give the noise to add with --noise (for example nstdb-noise/ma.hea).");
        }

        foreach (var value in snrs.Where(value => !(Math.Abs(value) <= 100)))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--snr {value}: give a signal-to-noise ratio in dB between -100 and 100."));
        }

        var noiseRecord = EcgFile.Read(noise.FullName);
        var noiseName = Path.GetFileNameWithoutExtension(noise.Name);
        return [.. (snrs.Length == 0 ? NstdbSnrs : snrs).Select(value => new Condition(
            string.Create(CultureInfo.InvariantCulture, $"{noiseName} at {value:0.##} dB"),
            noiseName,
            value,
            record => AddNoise(record, noiseRecord, value, noiseName)))];
    }

    private static EcgRecord AddNoise(EcgRecord record, EcgRecord noise, double snrDecibels, string noiseName)
    {
        try
        {
            return NoiseStressTest.AddNoise(record, noise, snrDecibels, noiseName);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException($"--noise {noiseName}: {exception.Message}");
        }
    }

    /// <summary>What is done to each record before scoring, and how the run is labelled.</summary>
    private sealed record Condition(string Label, string? NoiseName, double? SnrDecibels, Func<EcgRecord, EcgRecord> Prepare);
}
