using System.CommandLine;
using EcgScope.Cli.Output;
using EcgScope.Imaging.Evaluation;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope benchmark printed-rate --data DIR</c>: reads the heart rate each genuine printout's machine printed in
/// its footer, digitizes the page and compares that rate with the rhythm strip's.
/// </summary>
internal static class BenchmarkPrintedRateCommand
{
    /// <summary>How many of the largest disagreements the report lists.</summary>
    private const int LargestErrors = 10;

    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "A folder of printout images (PNG, JPEG; searched recursively) whose footers carry the machine's heart rate after a heart symbol, such as cardiac-patients/ of the ECG Images dataset of Cardiac Patients.",
            Required = true,
        };
        var format = new CommonOptions().Format;
        var command = new Command("printed-rate", "Read the heart rate printed in each printout's footer, digitize the page and compare it with the rhythm strip's mean heart rate (how many within 5 bpm, mean and median absolute error, the largest errors).")
        {
            data, format,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var folder = parse.GetRequiredValue(data).FullName;
            var pages = Directory.Exists(folder) ? PrintedRateEvaluation.FindPages(folder) : [];
            if (pages.Count == 0)
            {
                throw new UsageException($"--data {folder}: no PNG or JPEG image found there.");
            }

            var summary = ConsoleProgress.Run("reading footers and digitizing", progress => PrintedRateEvaluation.Run(folder, pages, LargestErrors, progress, cancellationToken));
            return BenchmarkPrintedRateReport.From(folder, summary);
        })));
        return command;
    }
}
