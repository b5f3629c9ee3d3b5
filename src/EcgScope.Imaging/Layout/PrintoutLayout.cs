using System.Collections.Immutable;

namespace EcgScope.Imaging.Layout;

/// <summary>
/// Where each lead of a twelve-lead printout lies on the grid, in millimetres from the grid's top-left corner. The
/// renderer draws from it, and the digitizer reports the one it found.
/// </summary>
/// <param name="Arrangement">The arrangement of the leads.</param>
/// <param name="Scale">Paper speed and gain.</param>
/// <param name="GridWidthMillimeters">The width of the printed grid.</param>
/// <param name="GridHeightMillimeters">The height of the printed grid.</param>
/// <param name="Panels">Each printed lead stretch, row by row from the top, left to right.</param>
public sealed record PrintoutLayout(
    LeadArrangement Arrangement, PaperScale Scale, double GridWidthMillimeters, double GridHeightMillimeters, ImmutableArray<LeadPanel> Panels)
{
    /// <summary>The standard lead order of a twelve-lead ECG.</summary>
    public static ImmutableArray<string> TwelveLeads { get; } = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>
    /// Room left of each row for the calibration pulse, in millimetres: the 200 ms pulse with 2.5 mm either side, so
    /// 10 mm at 25 mm/s and 15 mm at 50 mm/s, where a 10 mm margin would let the pulse touch the trace.
    /// </summary>
    public static double CalibrationMarginMillimeters(PaperScale scale) => (0.2 * scale.MillimetersPerSecond) + 5;

    /// <summary>
    /// The layout ECG machines print for a recording of <paramref name="seconds"/> (usually 10 s): rows of equal height,
    /// columns side by side after the calibration margin, and for <see cref="LeadArrangement.ThreeByFourWithRhythm"/>
    /// a strip of <paramref name="rhythmLead"/> over the whole recording.
    /// </summary>
    public static PrintoutLayout Standard(LeadArrangement arrangement, PaperScale scale, double seconds = 10, string rhythmLead = "II")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        var (rows, columns) = arrangement switch
        {
            LeadArrangement.ThreeByFourWithRhythm => (3, 4),
            LeadArrangement.SixByTwo => (6, 2),
            LeadArrangement.TwelveByOne => (12, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(arrangement), arrangement, "Unknown arrangement."),
        };

        var printedRows = arrangement == LeadArrangement.ThreeByFourWithRhythm ? rows + 1 : rows;

        // A row holds the biggest QRS complexes of a standard ECG (about ±1.5 mV) at the chosen gain, rounded to whole 5 mm squares.
        var rowHeight = Math.Ceiling(3 * scale.MillimetersPerMillivolt / 5) * 5;
        var columnSeconds = seconds / columns;
        var columnWidth = columnSeconds * scale.MillimetersPerSecond;
        var margin = CalibrationMarginMillimeters(scale);
        var panels = ImmutableArray.CreateBuilder<LeadPanel>(rows * columns + 1);
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                panels.Add(new LeadPanel(
                    TwelveLeads[(column * rows) + row],
                    column * columnSeconds,
                    columnSeconds,
                    margin + (column * columnWidth),
                    (row + 0.5) * rowHeight,
                    rowHeight));
            }
        }

        if (arrangement == LeadArrangement.ThreeByFourWithRhythm)
        {
            panels.Add(new LeadPanel(rhythmLead, 0, seconds, margin, (rows + 0.5) * rowHeight, rowHeight));
        }

        var width = margin + (seconds * scale.MillimetersPerSecond) + 5;
        return new PrintoutLayout(arrangement, scale, width, printedRows * rowHeight, panels.ToImmutable());
    }
}
