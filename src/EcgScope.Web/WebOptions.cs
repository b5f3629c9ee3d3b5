namespace EcgScope.Web;

/// <summary>The web app's settings (configuration section <c>EcgScope:Web</c>); every default suits one person on their own machine.</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "EcgScope:Web";

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
}
