using System.CommandLine;
using System.Globalization;
using EcgScope.Bulk.Labelling;

namespace EcgScope.Cli.Commands;

/// <summary>
/// <c>ecgscope label status|export</c>: how far labelling a folder has come, and the labels exported into train/test
/// folders per class. The labelling itself is the web app's labelling page (a terminal cannot show the images).
/// </summary>
internal static class LabelCommand
{
    public static Command Create() => new("label", "Labels made on the web app's labelling page: their progress, and their export into train/test folders per class.")
    {
        CreateStatus(),
        CreateExport(),
    };

    private static Command CreateStatus()
    {
        var (labels, folder, settings) = (LabelsOption(), FolderOption(), new CliSettings());
        var format = new CommonOptions().Format;
        var command = new Command("status", "Items in the labelled folder, how many are labelled (per class), skipped and left, and distinct contents.")
        {
            labels, folder, format,
        };
        settings.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var (labelsPath, labelledFolder) = Resolve(parse, labels, folder, settings);
            return LabelStatusReport.From(labelledFolder, labelsPath, LabelProgress.Of(LabelItems.List(labelledFolder), LabelsFile.Read(labelsPath)));
        }));
        return command;
    }

    private static Command CreateExport()
    {
        var (labels, folder, settings) = (LabelsOption(), FolderOption(), new CliSettings());
        var to = new Option<DirectoryInfo>("--to") { Description = "The export folder (new or empty): train/CLASS/, test/CLASS/ and split.csv.", Required = true };
        var fraction = new Option<double>("--test-fraction")
        {
            Description = "Share of each class's distinct contents in the test set, 0 to 1.",
            DefaultValueFactory = _ => 0.2,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the split: the same labels and seed give the same split.", DefaultValueFactory = _ => 1 };
        var format = new CommonOptions().Format;
        var command = new Command(
            "export",
            "Copy the labelled items into train/CLASS and test/CLASS, split by distinct content: identical files (same SHA-256) always land on the same side.")
        {
            labels, folder, to, fraction, seed, format,
        };
        settings.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(parse, parse.GetValue(format), () =>
        {
            var (labelsPath, labelledFolder) = Resolve(parse, labels, folder, settings);
            var share = parse.GetValue(fraction);
            if (!(share is >= 0 and <= 1))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--test-fraction {share}: give a share from 0 to 1."));
            }

            if (!File.Exists(labelsPath))
            {
                throw new UsageException($"--labels {labelsPath}: no such labels file.");
            }

            var target = parse.GetRequiredValue(to).FullName;
            try
            {
                return LabelExportReport.From(LabelExport.Export(labelsPath, labelledFolder, target, share, parse.GetValue(seed)));
            }
            catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
            {
                throw new UsageException($"--to {target}: {exception.Message}");
            }
        }));
        return command;
    }

    private static Option<FileInfo> LabelsOption() => new("--labels")
    {
        Description = "The labels CSV (default: the configuration's Labelling:LabelsFile, else labels.csv in the labelled folder).",
    };

    private static Option<DirectoryInfo> FolderOption() => new("--folder")
    {
        Description = "The labelled folder the CSV's items are relative to (default: the configuration's Labelling:Folder, else the labels file's folder).",
    };

    /// <summary>The labels file and labelled folder: the flags, else the configuration, else each other's folder.</summary>
    private static (string Labels, string Folder) Resolve(ParseResult parse, Option<FileInfo> labels, Option<DirectoryInfo> folder, CliSettings settings)
    {
        var configured = settings.Load(parse).Settings.Labelling;
        var labelledFolder = parse.GetValue(folder)?.FullName
            ?? (configured.Folder.Length > 0 ? configured.Folder : null)
            ?? (parse.GetValue(labels) is { } file ? file.DirectoryName : null)
            ?? throw new UsageException("--folder: give the labelled folder (or --labels, or Labelling:Folder in the configuration).");
        var labelsPath = parse.GetValue(labels)?.FullName ?? (configured.LabelsFile.Length > 0 ? configured.LabelsFile : Path.Combine(labelledFolder, "labels.csv"));
        return Directory.Exists(labelledFolder) ? (labelsPath, labelledFolder) : throw new UsageException($"--folder {labelledFolder}: no such folder.");
    }
}
