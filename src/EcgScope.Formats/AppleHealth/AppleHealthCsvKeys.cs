using System.Collections.Frozen;

namespace EcgScope.Formats.AppleHealth;

/// <summary>The header lines of an Apple Health ECG CSV that the reader understands.</summary>
internal enum AppleHealthCsvField
{
    /// <summary>The person's name: never stored (privacy).</summary>
    Name,
    /// <summary>The person's date of birth: never stored (privacy).</summary>
    DateOfBirth,
    /// <summary>"2024-08-19 22:48:31 +0200".</summary>
    RecordedDate,
    /// <summary>The watch's verdict, "Sinus Rhythm".</summary>
    Classification,
    /// <summary>Symptoms the wearer reported, possibly empty.</summary>
    Symptoms,
    /// <summary>ECG app version, "1.90".</summary>
    SoftwareVersion,
    /// <summary>Watch model, "Watch7,2".</summary>
    Device,
    /// <summary>"512 hertz".</summary>
    SampleRate,
    /// <summary>"Lead I".</summary>
    Lead,
    /// <summary>"µV".</summary>
    Unit,
}

/// <summary>
/// The header keys per export language. Only the English keys are known from genuine files; another language is one
/// more block of rows here, added when a genuine export in that language is at hand (keys are not guessed).
/// </summary>
internal static class AppleHealthCsvKeys
{
    private static readonly FrozenDictionary<string, AppleHealthCsvField> Fields = new Dictionary<string, AppleHealthCsvField>
    {
        // English (also the Italian exports seen: only their numbers are localised).
        ["Name"] = AppleHealthCsvField.Name,
        ["Date of Birth"] = AppleHealthCsvField.DateOfBirth,
        ["Recorded Date"] = AppleHealthCsvField.RecordedDate,
        ["Classification"] = AppleHealthCsvField.Classification,
        ["Symptoms"] = AppleHealthCsvField.Symptoms,
        ["Software Version"] = AppleHealthCsvField.SoftwareVersion,
        ["Device"] = AppleHealthCsvField.Device,
        ["Sample Rate"] = AppleHealthCsvField.SampleRate,
        ["Lead"] = AppleHealthCsvField.Lead,
        ["Unit"] = AppleHealthCsvField.Unit,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, AppleHealthCsvField>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Fields.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The field a header key names, in any known language.</summary>
    public static bool TryGetField(ReadOnlySpan<char> key, out AppleHealthCsvField field) =>
        SpanLookup.TryGetValue(key.Trim(), out field);
}
