using System.Collections.Immutable;
using EcgScope.Inference.Models;

namespace EcgScope.Configuration;

/// <summary>
/// Every setting of EcgScope, one tree for the command, the batch and the web app. Keys are paths such as
/// <c>Web:MaxFileBytes</c>: in ecgscope.json as nested objects, as environment variables <c>ECGSCOPE__Web__MaxFileBytes</c>.
/// </summary>
public sealed class EcgScopeSettings
{
    /// <summary>The models.</summary>
    public ModelSettings Models { get; set; } = new();

    /// <summary>The batch.</summary>
    public BatchSettings Batch { get; set; } = new();

    /// <summary>The Orleans cluster a batch may run on.</summary>
    public ClusterSettings Cluster { get; set; } = new();

    /// <summary>The web app.</summary>
    public WebSettings Web { get; set; } = new();

    /// <summary>The optional language model.</summary>
    public LanguageModelSettings LanguageModel { get; set; } = new();

    /// <summary>The web app's labelling page and <c>ecgscope label</c>.</summary>
    public LabellingSettings Labelling { get; set; } = new();
}

/// <summary>Labelling a folder of images or records by key press (the web app's labelling page; docs/printouts.md).</summary>
public sealed class LabellingSettings
{
    /// <summary>The folder whose images (PNG, JPEG) and records (WFDB header, EDF, Kardia) are labelled, subfolders included; empty: none (the page says how to set one).</summary>
    public string Folder { get; set; } = "";

    /// <summary>The classes, in the order of keys 1..9 (at most 9; letters, digits, spaces, '-' and '_').</summary>
    public List<string> Classes { get; set; } = [];

    /// <summary>The labels CSV; empty: labels.csv in <see cref="Folder"/>.</summary>
    public string LabelsFile { get; set; } = "";

    /// <summary>The labels CSV as configured, or labels.csv in the folder.</summary>
    public string LabelsPath => LabelsFile.Length > 0 ? LabelsFile : Path.Combine(Folder, "labels.csv");

    /// <summary>Whether a folder and classes are configured.</summary>
    public bool IsConfigured => Folder.Length > 0 && Classes.Count > 0;
}

/// <summary>Which models run, from where, with which thresholds. A model's preprocessing and normalisation belong to its card: a model only works on input prepared as it was trained, so they are not settings.</summary>
public sealed class ModelSettings
{
    /// <summary>The models folder (default: <c>$ECGSCOPE_MODELS</c>, else the models shipped beside the application).</summary>
    public string Directory { get; set; } = ModelRegistry.DefaultDirectory;

    /// <summary>The models to run, by name; empty: all.</summary>
    public List<string> Enabled { get; set; } = [];

    /// <summary>Per model, the lowest calibrated probability of a verdict (0 to 1), replacing the card's.</summary>
    public Dictionary<string, double> MinimumProbability { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The selection as the registry takes it.</summary>
    public ModelSelection Selection => new()
    {
        Enabled = [.. Enabled],
        MinimumProbability = MinimumProbability.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>Opens the registry these settings describe.</summary>
    public ModelRegistry OpenRegistry() => new(Directory, Selection);
}

/// <summary>The batch.</summary>
public sealed class BatchSettings
{
    /// <summary>Records analysed at once (default: one per core).</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;
}

/// <summary>The Orleans cluster <c>ecgscope batch --cluster</c> runs on, and the web app with <c>Web:AnalysisOn</c> <c>cluster</c> (docs/scale-out.md).</summary>
public sealed class ClusterSettings
{
    /// <summary>The PostgreSQL connection string of the cluster's membership and state (a secret: it holds the password); empty: a silo in the process itself.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The cluster's name, the same on every silo and client.</summary>
    public string ClusterId { get; set; } = "ecgscope";
}

/// <summary>The web app; every default suits one person on their own machine.</summary>
public sealed class WebSettings
{
    /// <summary>The SQLite file of the history (default: ecgscope/history.db in the user's local application data).</summary>
    public string Database { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ecgscope", "history.db");

    /// <summary>Where each upload gets its private folder, deleted when the upload has been read (default: the system's temp folder).</summary>
    public string UploadFolder { get; set; } = Path.GetTempPath();

    /// <summary>The largest file accepted, in bytes (default 25 MiB: a 12-lead 10 min EDF is about 7 MiB).</summary>
    public long MaxFileBytes { get; set; } = 25L << 20;

    /// <summary>The most files in one upload (a WFDB record is two or three).</summary>
    public int MaxFiles { get; set; } = 8;

    /// <summary>The most entries a zip may hold.</summary>
    public int MaxZipEntries { get; set; } = 64;

    /// <summary>The most bytes the entries of a zip may expand to, together.</summary>
    public long MaxZipExpandedBytes { get; set; } = 100L << 20;

    /// <summary>The longest a file may take to read before it is refused (a hostile PDF must not hold a worker).</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest recording analysed, in seconds (a Holter day would hold a request for minutes).</summary>
    public double MaxDurationSeconds { get; set; } = 30 * 60;

    /// <summary>
    /// Where uploads are analysed: in the web app's own process (the default; no Orleans at all), or on the silos of
    /// the cluster of <c>Cluster:ConnectionString</c>, which must then be set.
    /// </summary>
    public AnalysisPlace AnalysisOn { get; set; } = AnalysisPlace.Process;
}

/// <summary>Where the web app analyses uploads.</summary>
public enum AnalysisPlace
{
    /// <summary>In the web app's own process.</summary>
    Process,

    /// <summary>On a silo of the Orleans cluster (docs/scale-out.md), the web app its client.</summary>
    Cluster,
}

/// <summary>
/// The optional explanation by a language model. Off unless an endpoint is given: nothing leaves the machine by
/// default, and only to the OpenAI-compatible endpoint the user names (a local server such as llama.cpp or Ollama, or a
/// hosted one).
/// </summary>
public sealed class LanguageModelSettings
{
    /// <summary>The API's base address, up to and including <c>/v1</c> (for example http://127.0.0.1:11434/v1); empty: off.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the endpoint knows.</summary>
    public string Model { get; set; } = "";

    /// <summary>The API key, if the endpoint needs one (better given as the environment variable <c>ECGSCOPE__LanguageModel__ApiKey</c> than in a file); never printed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long to wait for an answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether an endpoint is configured.</summary>
    public bool IsEnabled => Endpoint is not null && Model.Length > 0;
}
