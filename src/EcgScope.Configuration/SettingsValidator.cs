using EcgScope.Bulk.Labelling;

namespace EcgScope.Configuration;

/// <summary>The rules every setting must keep; the first broken one is reported with its key.</summary>
internal static class SettingsValidator
{
    /// <summary>Throws for the first broken rule.</summary>
    /// <exception cref="SettingsException">A setting breaks a rule.</exception>
    public static void Validate(EcgScopeSettings settings)
    {
        var web = settings.Web;
        Range("Web:MaxFileBytes", web.MaxFileBytes, 1, 1L << 30);
        Range("Web:MaxFiles", web.MaxFiles, 1, 64);
        Range("Web:MaxZipEntries", web.MaxZipEntries, 1, 10_000);
        Range("Web:MaxZipExpandedBytes", web.MaxZipExpandedBytes, 1, 4L << 30);
        Range("Web:ReadTimeout", web.ReadTimeout.TotalSeconds, 1, 600, "seconds");
        Range("Web:MaxDurationSeconds", web.MaxDurationSeconds, 1, 7 * 24 * 3600);
        Require("Web:Database", web.Database.Length > 0, "must name a file.");
        Range("Batch:Parallelism", settings.Batch.Parallelism, 1, 1024);
        Require("Cluster:ClusterId", settings.Cluster.ClusterId.Length > 0, "must name the cluster.");
        Require(
            "Cluster:ConnectionString",
            web.AnalysisOn != AnalysisPlace.Cluster || !string.IsNullOrWhiteSpace(settings.Cluster.ConnectionString),
            "must be set when Web:AnalysisOn is cluster: the PostgreSQL database the silos share (docs/scale-out.md).");
        foreach (var (model, threshold) in settings.Models.MinimumProbability)
        {
            Range($"Models:MinimumProbability:{model}", threshold, 0, 1);
        }

        Require("Models:Directory", Directory.Exists(settings.Models.Directory), $"no models folder at {settings.Models.Directory}.");
        try
        {
            settings.Models.OpenRegistry().Dispose();
        }
        catch (ArgumentException exception)
        {
            throw new SettingsException(settings.Models.Enabled.Count > 0 ? "Models:Enabled" : "Models:MinimumProbability", exception.Message.Split(" (Parameter")[0], exception);
        }
        var labelling = settings.Labelling;
        if (labelling.Classes.Count > 0)
        {
            Require("Labelling:Classes", LabelClasses.Problem(labelling.Classes) is null, LabelClasses.Problem(labelling.Classes) ?? "");
        }

        Require("Labelling:Folder", labelling.Folder.Length == 0 || Directory.Exists(labelling.Folder), $"no folder at {labelling.Folder}.");
        var language = settings.LanguageModel;
        if (language.Endpoint is { } endpoint)
        {
            Require("LanguageModel:Endpoint", endpoint.IsAbsoluteUri && endpoint.Scheme is "http" or "https", $"'{endpoint}' is not an absolute http or https address.");
            Require("LanguageModel:Model", language.Model.Length > 0, "must name the model when an endpoint is given.");
            Range("LanguageModel:Timeout", language.Timeout.TotalSeconds, 1, 600, "seconds");
        }
    }

    private static void Range(string key, double value, double lowest, double highest, string unit = "") =>
        Require(key, value >= lowest && value <= highest, $"{value:0.###}{(unit.Length > 0 ? " " + unit : "")} is outside {lowest:0.###}–{highest:0.###}{(unit.Length > 0 ? " " + unit : "")}.");

    private static void Require(string key, bool condition, string message)
    {
        if (!condition)
        {
            throw new SettingsException(key, message);
        }
    }
}
