using EcgScope.Bulk.Labelling;
using EcgScope.Core;
using EcgScope.Web.Analyses;
using EcgScope.Web.Labelling;
using EcgScope.Web.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcgScope.Web.Pages;

/// <summary>
/// Labelling the configured folder by key press: the next undecided item (an image as it is, a record drawn on ECG
/// paper), a class per key 1..9, skip (s) and undo (u), progress, and the export into train/test folders per class.
/// Every decision is in the labels CSV before the next page shows, so closing the page loses nothing.
/// </summary>
public sealed class LabelModel(LabellingWorkspace workspace, TimeProvider clock) : DisclaimerGate
{
    /// <summary>The key that skips an item.</summary>
    public const string SkipKey = "s";

    /// <summary>The key that takes back the last decision.</summary>
    public const string UndoKey = "u";

    /// <summary>The session; null when labelling is not configured.</summary>
    public LabelSession? Session => workspace.Session;

    /// <summary>The item shown: the next undecided one; null when all are decided.</summary>
    public string? Item { get; private set; }

    /// <summary>The counts.</summary>
    public LabelProgress? Progress { get; private set; }

    /// <summary>The last export's result, shown once after it ran.</summary>
    public LabelExportSummary? Exported { get; private set; }

    /// <summary>Why the last key or export was refused, in words.</summary>
    public string? Error { get; private set; }

    /// <summary>The export form's folder.</summary>
    [BindProperty]
    public string ExportFolder { get; set; } = "";

    /// <summary>The export form's test share, 0..1.</summary>
    [BindProperty]
    public double TestFraction { get; set; } = 0.2;

    /// <summary>The export form's seed.</summary>
    [BindProperty]
    public int Seed { get; set; } = 1;

    /// <summary>Shows the next item.</summary>
    public void OnGet() => Show();

    /// <summary>
    /// A key pressed on <paramref name="item"/>: 1..9 labels it with that class, <see cref="SkipKey"/> skips it,
    /// <see cref="UndoKey"/> takes back the last decision. Then the page shows the next item.
    /// </summary>
    public IActionResult OnPostKey(string item, string key)
    {
        if (Session is not { } session)
        {
            return NotFound();
        }

        try
        {
            switch (key)
            {
                case UndoKey:
                    session.Undo();
                    break;
                case SkipKey:
                    session.Skip(item);
                    break;
                case [var digit] when session.Classes.ForKey(digit) is { } className:
                    session.Label(item, className);
                    break;
                default:
                    return Refuse($"No class has the key '{key}'.");
            }
        }
        catch (ArgumentException exception)
        {
            return Refuse(exception.Message);
        }

        return RedirectToPage();
    }

    /// <summary>Exports the labels into <see cref="ExportFolder"/>.</summary>
    public IActionResult OnPostExport()
    {
        if (Session is not { } session)
        {
            return NotFound();
        }

        try
        {
            Exported = LabelExport.Export(session.LabelsPath, session.Folder, ExportFolder, TestFraction, Seed);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or EcgFormatException)
        {
            return Refuse(exception.Message);
        }

        Show();
        return Page();
    }

    /// <summary>The file of <paramref name="item"/>: an image as it is, a record drawn on ECG paper (SVG).</summary>
    public IActionResult OnGetItem(string item)
    {
        if (Session is not { } session || !session.Items.Contains(item, StringComparer.Ordinal))
        {
            return NotFound();
        }

        var path = session.PathOf(item);
        if (LabelItems.IsImage(path))
        {
            return PhysicalFile(path, Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
        }

        try
        {
            return Content(TraceDrawing.Chart(UploadedRecordReader.Readers.Read(path)).ToSvg(), "image/svg+xml");
        }
        catch (EcgFormatException exception)
        {
            return new UnprocessableEntityObjectResult(exception.Message);
        }
    }

    private PageResult Refuse(string reason)
    {
        Error = reason;
        Show();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private void Show()
    {
        if (Session is { } session)
        {
            Item = session.Next;
            Progress = session.Progress;
            if (ExportFolder.Length == 0)
            {
                ExportFolder = workspace.SuggestedExportFolder(clock.GetLocalNow());
            }
        }
    }
}
