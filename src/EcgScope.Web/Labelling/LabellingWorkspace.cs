using EcgScope.Bulk.Labelling;
using EcgScope.Configuration;

namespace EcgScope.Web.Labelling;

/// <summary>
/// The labelling page's one session over the configured folder (<c>Labelling:Folder</c>, <c>:Classes</c>,
/// <c>:LabelsFile</c>), opened on first use so that an app without labelling configured never lists a folder. A failed
/// opening (a malformed labels file) is not kept: the next request tries again, so a repaired file needs no restart.
/// </summary>
public sealed class LabellingWorkspace(LabellingSettings settings)
{
    private readonly Lazy<LabelSession?> session = new(() => settings.IsConfigured
        ? LabelSession.Open(settings.Folder, settings.LabelsPath, LabelClasses.Of(settings.Classes))
        : null, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The session, or null when no folder and classes are configured.</summary>
    public LabelSession? Session => session.Value;

    /// <summary>A new export folder beside the labelled one, named by the time: the page's suggestion.</summary>
    public string SuggestedExportFolder(DateTimeOffset now) =>
        Path.Combine(
            Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Folder))) ?? "",
            $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Folder))}-export-{now:yyyyMMdd-HHmmss}");
}
