using System.CommandLine;
using EcgScope.Imaging.Classification;
using EcgScope.Imaging.Digitizing;
using EcgScope.Inference.Models;
using EcgScope.Inference.Verdicts;
using EcgScope.Reports.Charts;
using EcgScope.Reports.Documents;

namespace EcgScope.Cli.Commands;

/// <summary><c>ecgscope classify FILE</c>: each model's calibrated verdict, or "inconclusive", with where it came from.</summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An ECG file in any supported format." };
        var models = new Option<string[]>("--model", "-m")
        {
            Description = "The models to run (see 'ecgscope models'); all by default.",
            AllowMultipleArgumentsPerToken = true,
        };
        var explain = new Option<FileInfo?>("--explain")
        {
            Description = "Say which stretches of the trace drove each verdict; with a PNG path, also draw the trace on ECG paper with them shaded (one image per model: NAME.MODEL.png when there are several).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var modelOptions = new ModelOptions();
        var options = new CommonOptions();
        var command = new Command("classify", "Run the trained models on an ECG: calibrated probabilities, 'inconclusive' when unsure. Never a diagnosis.")
        {
            file, models, explain,
        };
        modelOptions.AddTo(command);
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandRunner.Run(parse, parse.GetValue(options.Format), () =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var reader = SupportedFiles.Reader.Detect(path);
            // A printout image is decoded once, for the digitizer and for the image models.
            var printouts = reader as PrintoutImageReader;
            using var printoutImage = printouts is null ? null : PrintoutDigitizer.Decode(File.ReadAllBytes(path), path);
            var printout = printouts?.ReadPrintout(printoutImage!, path, cancellationToken);

            var record = printout?.Record ?? reader.Read(path, options.ReadOptions(parse));
            using var registry = modelOptions.OpenRegistry(parse);
            List<ModelCard> printoutModels = [.. registry.ImageCards, .. registry.FeatureCards];
            List<ModelCard> requested = parse.GetValue(models) is { Length: > 0 } chosen
                ? [.. chosen.Select(name => ModelsCommand.Known([.. registry.Cards, .. printoutModels], name))]
                : [.. registry.Cards, .. printout is null ? [] : printoutModels];
            var forPrintouts = requested.Where(printoutModels.Contains).ToList();
            if (printout is null && forPrintouts.Count > 0)
            {
                throw new UsageException($"--model {forPrintouts[0].Name}: this model reads printout images (JPEG or PNG), and {Path.GetFileName(path)} is not one.");
            }

            List<VerdictReport> printoutVerdicts = printout is null ? [] : [.. PrintoutClassifier.ClassifyAll(printoutImage!, printout, registry, forPrintouts)
                .Select(verdict => VerdictReport.From(verdict, registry.AnyCard(verdict.Model)))];
            var classification = RecordClassification.Run(record, registry, requested.Except(forPrintouts), parse.GetResult(explain) is not null, cancellationToken);
            if (parse.GetValue(models) is { Length: > 0 } && classification.NotApplicable.Count > 0)
            {
                throw new UsageException($"--model {classification.NotApplicable[0]}.");
            }

            var verdicts = classification.Verdicts;
            if (parse.GetValue(explain) is { } image)
            {
                foreach (var verdict in verdicts)
                {
                    VerdictChart.Create(record, verdict).SavePng(verdicts.Count == 1 ? image.FullName : ImagePerModel(image, verdict.Model));
                }
            }
            return ClassifyReport.From(path, reader.FormatName, record, registry, classification, printoutVerdicts);
        })));
        return command;
    }

    private static string ImagePerModel(FileInfo image, string model) =>
        Path.Combine(image.DirectoryName ?? ".", $"{Path.GetFileNameWithoutExtension(image.Name)}.{model}{image.Extension}");
}
