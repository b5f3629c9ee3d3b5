namespace EcgScope.Formats.Kardia;

/// <summary>
/// Block identifiers per lead: "ecg ", "ecg2" ... "ecgc" hold leads I, II, III, aVR, aVL, aVF, V1 ... V6, and the
/// average ("avg ") and median ("med ") beat blocks use the same fourth character.
/// </summary>
internal static class KardiaLeadIds
{
    /// <summary>The prefix of the blocks holding a lead's recording.</summary>
    public const string Recording = "ecg";

    /// <summary>The prefix of the blocks holding a lead's average beat.</summary>
    public const string AverageBeat = "avg";

    /// <summary>The prefix of the blocks holding a lead's median beat.</summary>
    public const string MedianBeat = "med";

    private const string Suffixes = " 23456789abc";

    private static readonly string[] Names = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>
    /// Whether <paramref name="id"/> is a per-lead sample block: <see cref="Recording"/>, <see cref="AverageBeat"/> or
    /// <see cref="MedianBeat"/> plus a lead character; <paramref name="lead"/> is then the lead's position in I, II,
    /// III, aVR, aVL, aVF, V1 ... V6.
    /// </summary>
    public static bool TryParse(string id, out string prefix, out int lead)
    {
        prefix = id.Length == 4 ? id[..3] : string.Empty;
        lead = prefix is Recording or AverageBeat or MedianBeat ? Suffixes.IndexOf(id[3], StringComparison.Ordinal) : -1;
        return lead >= 0;
    }

    /// <summary>The name of the lead at <paramref name="index"/> (0 is lead I).</summary>
    public static string Name(int index) => Names[index];
}
