using EcgScope.Testing;

namespace EcgScope.EndToEnd;

/// <summary>The files the tests upload.</summary>
internal static class Files
{
    /// <summary>A genuine Apple Watch ECG export (Apple Health), 30 s at 512 Hz.</summary>
    public static string AppleCsv => TestData.File("apple-health", "ecg_2024-08-19.csv");

    /// <summary>A genuine 12-lead printout (JPEG, 2213 x 1572, 200 dpi) whose footer says 77 bpm.</summary>
    public static string Printout => TestData.File("images", "cardiac-patients", "normal", "Normal(1).jpg");
}
