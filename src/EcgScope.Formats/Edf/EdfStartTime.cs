using System.Globalization;

namespace EcgScope.Formats.Edf;

/// <summary>
/// The start date ("dd.mm.yy", bytes 168-175) and time ("hh.mm.ss", bytes 176-183) of an EDF file. Two-digit years
/// follow the EDF clipping rule: 85-99 are 1985-1999, 00-84 are 2000-2084. EDF+ also writes the full date in the
/// recording field ("Startdate 02-MAR-2002 ..."), which decides the century when present (and is required after
/// 2084, where the date field holds "yy").
/// </summary>
internal static class EdfStartTime
{
    /// <summary>Parses the start date and time; <paramref name="edfPlusRecording"/> is the recording field of EDF+ files.</summary>
    public static DateTime Parse(EdfHeader.FieldReader fields, string? edfPlusRecording)
    {
        var date = fields.Text(168, 8).Split('.');
        var time = fields.Text(176, 8).Split('.');
        fields.Require(date.Length == 3 && IsNumber(date[0]) && IsNumber(date[1]) && (IsNumber(date[2]) || date[2] == "yy"),
            168, $"start date '{fields.Text(168, 8)}' is not dd.mm.yy.");
        fields.Require(time.Length == 3 && time.All(IsNumber), 176, $"start time '{fields.Text(176, 8)}' is not hh.mm.ss.");

        var year = FullYear(edfPlusRecording) ?? (date[2] == "yy" ? -1 : ClippedYear(int.Parse(date[2], CultureInfo.InvariantCulture)));
        fields.Require(year > 0, 168, "start date has year 'yy' but the recording field gives no 'Startdate dd-MMM-yyyy'.");
        var (day, month) = (int.Parse(date[0], CultureInfo.InvariantCulture), int.Parse(date[1], CultureInfo.InvariantCulture));
        var (hour, minute, second) = (int.Parse(time[0], CultureInfo.InvariantCulture),
            int.Parse(time[1], CultureInfo.InvariantCulture), int.Parse(time[2], CultureInfo.InvariantCulture));
        fields.Require(month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month), 168,
            $"start date '{fields.Text(168, 8)}' is not a calendar date.");
        fields.Require(hour < 24 && minute < 60 && second < 60, 176, $"start time '{fields.Text(176, 8)}' is not a clock time.");
        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
    }

    private static int ClippedYear(int twoDigits) => twoDigits >= 85 ? 1900 + twoDigits : 2000 + twoDigits;

    private static int? FullYear(string? recording)
    {
        var parts = recording?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 2 } && parts[0] == "Startdate"
            && DateTime.TryParseExact(parts[1], "dd-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full)
            ? full.Year
            : null;
    }

    private static bool IsNumber(string text) => text.Length is 1 or 2 && text.All(char.IsAsciiDigit);
}
