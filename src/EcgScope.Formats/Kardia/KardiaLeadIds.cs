namespace EcgScope.Formats.Kardia;

/// <summary>
/// Block identifiers per lead: "ecg ", "ecg2" ... "ecgc" hold leads I, II, III, aVR, aVL, aVF, V1 ... V6, and the
/// average ("avg ") and median ("med ") beat blocks use the same fourth character.
/// </summary>
internal static class KardiaLeadIds
{
    private const string Suffixes = " 23456789abc";

    private static readonly string[] Names = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"];

    /// <summary>The lead's position in I, II, III, aVR, aVL, aVF, V1 ... V6 when <paramref name="id"/> is
    /// <paramref name="prefix"/> plus a lead character, else -1.</summary>
    public static int IndexOf(string id, string prefix) =>
        id.Length == 4 && id.StartsWith(prefix, StringComparison.Ordinal) ? Suffixes.IndexOf(id[3], StringComparison.Ordinal) : -1;

    /// <summary>The name of the lead at <paramref name="index"/> (0 is lead I).</summary>
    public static string Name(int index) => Names[index];
}
