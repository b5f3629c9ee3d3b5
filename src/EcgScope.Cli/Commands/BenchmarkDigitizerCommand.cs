using System.CommandLine;
using System.Globalization;
using EcgScope.Imaging.Degradation;
using EcgScope.Imaging.Evaluation;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope benchmark digitizer --data PTBXL [--fold 10] [--degradation clean]</c>: renders PTB-XL records as printouts, degrades them with
/// each preset, digitizes them and reports the Challenge 2024 SNR per degradation.
/// </summary>
internal static class BenchmarkDigitizerCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The PTB-XL folder: ptbxl_database.csv and records500/ (the records that are present are used).",
            Required = true,
        };
        var fold = new Option<int[]>("--fold")
        {
            Description = "The PTB-XL strat_folds to score (repeatable). Default: 10, PTB-XL's recommended test fold.",
        };
        var limit = new Option<int?>("--limit") { Description = "Score at most this many records." };
        var degradation = new Option<string[]>("--degradation")
        {
            Description = "The degradation presets to score (repeatable): clean, scan, photo, rough. Default: all four.",
        };
        degradation.AcceptOnlyFromAmong([.. DegradationPresets.All.Select(preset => preset.Name)]);
        var format = new CommonOptions().Format;
        var command = new Command("digitizer", "Render PTB-XL records as 3x4 printouts, degrade them (clean, scan, photo, rough), digitize them and report the PhysioNet Challenge 2024 SNR per lead.")
        {
            data, fold, limit, degradation, format,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var folder = parse.GetRequiredValue(data).FullName;
            var folds = parse.GetValue(fold) is { Length: > 0 } chosen ? chosen : [10];
            var records = FoldRecords(folder, folds).Take(parse.GetValue(limit) ?? int.MaxValue).ToList();
            if (records.Count == 0)
            {
                throw new UsageException($"--data: no records500 record of fold {string.Join(", ", folds)} found under {folder}.");
            }

            var presets = parse.GetValue(degradation) is { Length: > 0 } names ? [.. names.Select(name => DegradationPresets.Find(name)!)] : DegradationPresets.All;
            var scores = new List<DigitizerScore>();
            foreach (var header in records)
            {
                var record = SupportedFiles.Reader.Read(header);
                var name = Path.GetFileNameWithoutExtension(header);
                foreach (var preset in presets)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    scores.Add(DigitizerEvaluation.Score(name, record, preset, SeedOf(name), cancellationToken));
                }
            }

            return BenchmarkDigitizerReport.From(folder, folds, scores);
        })));
        return command;
    }

    /// <summary>A seed fixed by the record's name (string.GetHashCode changes from run to run), so that a rerun degrades alike.</summary>
    private static int SeedOf(string name) => name.Aggregate(17, (hash, character) => unchecked((hash * 31) + character)) & 0xFFFF;

    /// <summary>The headers of the folds' 500 Hz records that exist, from ptbxl_database.csv (strat_fold, filename_lr, filename_hr are its last columns).</summary>
    private static IEnumerable<string> FoldRecords(string folder, int[] folds)
    {
        var index = Path.Combine(folder, "ptbxl_database.csv");
        foreach (var line in File.ReadLines(index).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length >= 3 && int.TryParse(fields[^3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var recordFold) && folds.Contains(recordFold))
            {
                var header = Path.Combine(folder, fields[^1] + ".hea");
                if (File.Exists(header))
                {
                    yield return header;
                }
            }
        }
    }
}
