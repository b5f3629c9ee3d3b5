using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EcgScope.Formats.Kardia;

/// <summary>
/// What the ATC "info" block says about the recording and the recorder. Only device and software descriptions and the
/// date are kept: the recording UUID, the phone's unique identifier (UDID) and the "device data" field (device serial
/// number, battery) are identifiers that could tie a recording to a person, so they are never read into memory.
/// </summary>
/// <param name="Recorded">The "date recorded" text as stored (ISO 8601 in the specification), or null when empty.</param>
/// <param name="StartTime">That date parsed, or null when it is empty or not in a form this reader knows.</param>
/// <param name="PhoneModel">The phone or tablet and its operating system, for example "iPhone 4 : iPhone OS4.2".</param>
/// <param name="Software">The recording app and its version, for example "AliveECG v1.6.7".</param>
/// <param name="Hardware">The recorder hardware, for example "kardia_mobile" or older "19kHz 200Hz/mV".</param>
public sealed partial record KardiaInfo(string? Recorded, DateTimeOffset? StartTime, string? PhoneModel, string? Software, string? Hardware)
{
    // Offsets and lengths of the fields kept, in the block's data (the UUID at 32, UDID at 72 and device data at 212 are skipped).
    private const int DateOffset = 0, DateLength = 32;
    private const int PhoneOffset = 116, SoftwareOffset = 148, HardwareOffset = 180, DescriptionLength = 32;

    /// <summary>Reads the kept fields of the block's data; fields cut off by a short block are read as far as they go.</summary>
    internal static KardiaInfo Parse(ReadOnlySpan<byte> data)
    {
        var recorded = Text(data, DateOffset, DateLength);
        return new KardiaInfo(
            recorded,
            recorded is null ? null : ParseDate(recorded),
            Text(data, PhoneOffset, DescriptionLength),
            Text(data, SoftwareOffset, DescriptionLength),
            Text(data, HardwareOffset, DescriptionLength));
    }

    /// <summary>
    /// ISO 8601 date and time with an optional zone, as genuine files write it: "2016-06-01T18:15:25.777-04:00",
    /// "2018-10-10T11:13:11-0700", "2012-04-03T14:17:43-7:00", or "Z". Without a zone the time is taken as UTC.
    /// </summary>
    internal static DateTimeOffset? ParseDate(string text)
    {
        var match = IsoDate().Match(text);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["local"].Value, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = match.Groups["zone"];
        var offset = TimeSpan.Zero;
        if (zone.Success && zone.Value != "Z")
        {
            var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
            {
                return null;
            }

            offset = new TimeSpan(hours, minutes, 0) * (zone.Value[0] == '-' ? -1 : 1);
        }

        return new DateTimeOffset(local, offset);
    }

    // A fixed-length, NUL-padded string field; null when empty.
    private static string? Text(ReadOnlySpan<byte> data, int offset, int length)
    {
        if (offset >= data.Length)
        {
            return null;
        }

        var field = data.Slice(offset, Math.Min(length, data.Length - offset));
        var end = field.IndexOf((byte)0);
        var text = Encoding.UTF8.GetString(end < 0 ? field : field[..end]).Trim();
        return text.Length == 0 ? null : text;
    }

    // [0-9], not \d: \d also matches other scripts' digits, which int.Parse refuses.
    [GeneratedRegex(@"^(?<local>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?)(?<zone>Z|[+-](?<hours>[0-9]{1,2}):?(?<minutes>[0-9]{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
