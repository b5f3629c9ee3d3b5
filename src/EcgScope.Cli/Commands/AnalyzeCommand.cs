using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Core;
using EcgScope.Reports.Documents;
using EcgScope.Signal.Analysis;
using EcgScope.Signal.Detection;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope analyze FILE</c>: heart rate, HRV, quality and R-peaks per lead.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An ECG file in any supported format." };
        var detector = new Option<string>("--detector")
        {
            Description = $"R-peak detector: {DetectorNames.List}.",
            DefaultValueFactory = _ => RPeakDetectors.Default.Name,
        };
        var mains = NumberOption.OneOf("--mains", "Mains frequency to notch out: 50 or 60 (Hz). Default: none.", 50, 60);
        var peaks = new Option<bool>("--peaks") { Description = "Include every R-peak time (seconds) in the output." };
        var options = new CommonOptions();
        var command = new Command("analyze", "Clean an ECG and measure heart rate, HRV, signal quality and R-peaks for every lead.")
        {
            file, detector, mains, peaks,
        };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(options.Format), () =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var reader = SupportedFiles.Reader.Detect(path);
            var record = reader.Read(path, options.ReadOptions(parse));
            var analysisOptions = new EcgAnalysisOptions
            {
                Detector = DetectorNames.Resolve(parse.GetRequiredValue(detector)),
                MainsHz = parse.GetValue(mains),
            };
            RequireAnalysable(record, analysisOptions, parse.GetValue(options.SamplingRate) is not null, path);
            var analysis = ConsoleProgress.Run(
                $"analysing {Path.GetFileName(path)}",
                progress => EcgAnalysis.Analyze(record, analysisOptions, progress, cancellationToken));
            return AnalyzeReport.From(path, reader.FormatName, record, analysis, parse.GetValue(peaks));
        })));
        return command;
    }

    /// <summary>Usage errors for records the analysis cannot take, named by the option that caused them.</summary>
    private static void RequireAnalysable(EcgRecord record, EcgAnalysisOptions options, bool rateGiven, string path)
    {
        var rate = record.SamplingRate;
        if (rate.Hertz < EcgAnalysis.MinimumSamplingRateHz)
        {
            throw new UsageException(rateGiven
                ? $"--sampling-rate {rate.Hertz:0.###}: the analysis needs at least {EcgAnalysis.MinimumSamplingRateHz} Hz."
                : $"{Path.GetFileName(path)} is sampled at {rate}; the analysis needs at least {EcgAnalysis.MinimumSamplingRateHz} Hz.");
        }

        if (options.MainsHz is { } notch && notch >= rate.Hertz / 2)
        {
            throw new UsageException($"--mains {notch:0.##}: a notch at {notch:0.##} Hz needs a sampling rate above {2 * notch:0.##} Hz, and this record has {rate}.");
        }
    }
}
