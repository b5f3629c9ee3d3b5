using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Formats;
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
            Description = $"R-peak detector: {string.Join(", ", RPeakDetectors.All.Select(d => d.Name))}.",
            DefaultValueFactory = _ => RPeakDetectors.Default.Name,
        };
        var mains = new Option<double?>("--mains") { Description = "Mains frequency to notch out: 50 or 60 (Hz). Default: none." };
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
            var reader = EcgFile.Detect(path);
            var record = reader.Read(path, options.ReadOptions(parse));
            var analysisOptions = new EcgAnalysisOptions
            {
                Detector = RPeakDetectors.Find(parse.GetRequiredValue(detector)),
                MainsHz = parse.GetValue(mains),
            };
            var analysis = ConsoleProgress.Run(
                $"analysing {Path.GetFileName(path)}",
                progress => EcgAnalysis.Analyze(record, analysisOptions, progress, cancellationToken));
            return AnalyzeReport.From(path, reader.FormatName, record, analysis, parse.GetValue(peaks));
        })));
        return command;
    }
}
