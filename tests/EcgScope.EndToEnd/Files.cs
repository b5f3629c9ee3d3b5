using EcgScope.Testing;

namespace EcgScope.EndToEnd;

/// <summary>The files the tests upload.</summary>
internal static class Files
{
    /// <summary>A genuine Apple Watch ECG export (Apple Health), 30 s at 512 Hz.</summary>
    public static string AppleCsv => TestData.File("apple-health", "ecg_2024-08-19.csv");
}
