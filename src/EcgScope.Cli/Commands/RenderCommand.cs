using System.CommandLine;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats.Wfdb;
using EcgScope.Imaging.Degradation;
using EcgScope.Imaging.Layout;
using EcgScope.Imaging.Rendering;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope render RECORD --out DIR</c>: a twelve-lead record drawn as a printout, degraded, with its ground truth.</summary>
internal static class RenderCommand
{
    /// <summary>The most seconds a page prints, as ECG machines do; a longer record prints its first 10 s.</summary>
    private const double PageSeconds = 10;

    private static readonly Dictionary<string, LeadArrangement> Layouts = new(StringComparer.Ordinal)
    {
        ["3x4"] = LeadArrangement.ThreeByFourWithRhythm,
        ["6x2"] = LeadArrangement.SixByTwo,
        ["12x1"] = LeadArrangement.TwelveByOne,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("record") { Description = "A twelve-lead ECG record in any supported format (PTB-XL's WFDB records are ideal)." };
        var layout = Choice("--layout", "Lead arrangement: 3x4 (with a lead II rhythm strip), 6x2 or 12x1.", "3x4", [.. Layouts.Keys]);
        var speed = Choice("--speed", "Paper speed in mm/s.", "25", "25", "50");
        var gain = Choice("--gain", "Gain in mm/mV.", "10", "5", "10", "20");
        var grid = Choice("--grid", "Grid colours: red, green, blue, grey, or dots (pink dotted, like the genuine cardiac-patients printouts).", "red", "red", "green", "blue", "grey", "dots");
        var degrade = Choice("--degrade", "Degradation preset: clean, scan, photo or rough.", "clean", [.. DegradationPresets.All.Select(preset => preset.Name)]);
        var seed = NumberOption.Count("--seed", "Seed of the degradations' random draws: the same seed gives the same image. Default: 0.", 0, int.MaxValue, 0);
        var dpi = NumberOption.Count("--dpi", "Resolution in dots per inch, 50 to 600. Default: 200 (a 2213 x 1572 page).", 50, 600, 200);
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder for NAME.png, NAME.truth.json and the printed signals as the WFDB record NAME_truth (created if missing).",
            Required = true,
        };
        var options = new CommonOptions();
        var command = new Command("render", "Draw a twelve-lead record as an ECG printout (grid, calibration, labels, header), optionally degraded like a scan or photo, with its ground truth.")
        {
            file, layout, speed, gain, grid, degrade, seed, dpi, output,
        };
        options.AddTo(command);
        command.SetAction(parse => CommandRunner.Run(parse, parse.GetValue(options.Format), () =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var record = SupportedFiles.Reader.Read(path, options.ReadOptions(parse));
            RequireTwelveLeads(path, record);
            var folder = OutputFolder(parse.GetRequiredValue(output));
            var scale = new PaperScale(Number(parse.GetRequiredValue(speed)), Number(parse.GetRequiredValue(gain)));
            var pageLayout = PrintoutLayout.Standard(Layouts[parse.GetRequiredValue(layout)], scale, Math.Min(PageSeconds, record.DurationSeconds));
            var printoutOptions = new PrintoutOptions { DotsPerInch = parse.GetValue(dpi), Grid = Enum.Parse<GridStyle>(parse.GetRequiredValue(grid), ignoreCase: true) };
            var preset = DegradationPresets.Find(parse.GetRequiredValue(degrade))!;

            using var clean = PrintoutRenderer.Render(record, pageLayout, printoutOptions);
            using var printout = preset.Apply(clean, parse.GetValue(seed));
            var truth = Save(printout, folder, OutputName(path), preset.Name, parse.GetValue(seed));
            return RenderReport.From(
                Path.Combine(folder, truth.Image), Path.Combine(folder, TruthFileName(truth)), Path.Combine(folder, truth.Record), truth,
                parse.GetRequiredValue(layout), parse.GetRequiredValue(grid));
        }));
        return command;
    }

    /// <summary>Writes NAME.png, the printed record as NAME_truth (never NAME, which may be the record read) and NAME.truth.json.</summary>
    private static PrintoutTruthFile Save(RenderedPrintout printout, string folder, string name, string degradation, int seed)
    {
        Directory.CreateDirectory(folder);
        var truth = PrintoutTruthFile.From(printout, name + ".png", name + "_truth.hea", degradation, seed);
        File.WriteAllBytes(Path.Combine(folder, truth.Image), printout.EncodePng());
        WfdbWriter.Write(printout.Truth.Record, Path.Combine(folder, truth.Record));
        File.WriteAllText(Path.Combine(folder, TruthFileName(truth)), truth.ToJson());
        return truth;
    }

    /// <summary>The input's name without extension, spaces made underscores: WFDB record names hold no white space.</summary>
    private static string OutputName(string path) =>
        string.Concat(Path.GetFileNameWithoutExtension(path).Select(character => char.IsWhiteSpace(character) ? '_' : character));

    private static string TruthFileName(PrintoutTruthFile truth) => Path.GetFileNameWithoutExtension(truth.Image) + ".truth.json";

    private static void RequireTwelveLeads(string path, EcgRecord record)
    {
        var missing = PrintoutLayout.TwelveLeads.Where(lead => record.FindLead(lead) is null).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"{path}: a printout needs the twelve standard leads; the record lacks {string.Join(", ", missing)} (it has {string.Join(", ", record.LeadNames)}).");
        }
    }

    private static string OutputFolder(DirectoryInfo folder) =>
        File.Exists(folder.FullName) ? throw new UsageException($"--out {folder.FullName}: is a file, not a folder.") : folder.FullName;

    /// <summary>A value <see cref="Choice"/> has already checked to be one of its whole numbers.</summary>
    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static Option<string> Choice(string name, string description, string defaultValue, params string[] allowed)
    {
        var option = new Option<string>(name) { Description = $"{description} Default: {defaultValue}.", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
