using System.Globalization;

namespace EcgScope.Formats.Wfdb;

/// <summary>
/// Reads the base time and base date at the end of a WFDB record line, in the forms real headers use: header(5)'s
/// <c>HH:MM:SS</c> (also <c>MM:SS</c>, <c>SS</c>, with fractional seconds) and <c>DD/MM/YYYY</c>, and the
/// PhysioNet/CinC Challenge 2020/2021 form <c>05-May-2020 14:50:55</c> (date first, English month name), as
/// wfdb-python accepts. A field that is neither a valid time nor a valid date does not make the record unreadable:
/// it is reported in <see cref="Note"/> and the start time is then unknown.
/// </summary>
/// <param name="Time">The base time, when a field is one.</param>
/// <param name="Date">The base date, when a field is one.</param>
/// <param name="Note">Why some fields were not understood, or null when every field was.</param>
internal sealed record WfdbStartFields(TimeSpan? Time, DateOnly? Date, string? Note)
{
    private static readonly string[] MonthNameDates = ["d-MMM-yyyy", "d-MMMM-yyyy"];

    /// <summary>Interprets <paramref name="fields"/>, the record line's fields after the number of samples, in either order.</summary>
    public static WfdbStartFields Parse(IReadOnlyList<string> fields)
    {
        TimeSpan? time = null;
        DateOnly? date = null;
        var notUnderstood = new List<string>();
        foreach (var field in fields)
        {
            if (time is null && TryParseTime(field, out var parsedTime))
            {
                time = parsedTime;
            }
            else if (date is null && TryParseDate(field, out var parsedDate))
            {
                date = parsedDate;
            }
            else
            {
                notUnderstood.Add($"'{field}'");
            }
        }

        var note = notUnderstood.Count == 0
            ? null
            : $"{string.Join(", ", notUnderstood)} on the record line is not a base time (HH:MM:SS) or base date (DD/MM/YYYY, DD-Mon-YYYY): the start time is unknown";
        return new WfdbStartFields(time, date, note);
    }

    /// <summary><c>[[HH:]MM:]SS[.sss]</c> within one day.</summary>
    public static bool TryParseTime(string field, out TimeSpan time)
    {
        time = default;
        var parts = field.Split(':');
        const NumberStyles seconds = NumberStyles.AllowDecimalPoint;
        if (parts.Length > 3
            || !double.TryParse(parts[^1], seconds, CultureInfo.InvariantCulture, out var second)
            || !TryPart(parts, 2, out var minute)
            || !TryPart(parts, 3, out var hour)
            || second >= 60 || minute >= 60 || hour >= 24)
        {
            return false;
        }

        time = new TimeSpan(hour, minute, 0) + TimeSpan.FromSeconds(second);
        return true;
    }

    /// <summary><c>DD/MM/YYYY</c> (one-digit day and month allowed) or <c>DD-Mon-YYYY</c> with an English month name.</summary>
    public static bool TryParseDate(string field, out DateOnly date)
    {
        date = default;
        if (field.Contains('-', StringComparison.Ordinal))
        {
            return DateOnly.TryParseExact(field, MonthNameDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        var parts = field.Split('/');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    // The hours or minutes of a time split at ':', counted from the end (2: minutes, 3: hours); absent parts are 0.
    private static bool TryPart(string[] parts, int fromEnd, out int value)
    {
        value = 0;
        return parts.Length < fromEnd || int.TryParse(parts[^fromEnd], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
