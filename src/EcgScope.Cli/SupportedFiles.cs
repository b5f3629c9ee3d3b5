using EcgScope.Formats;
using EcgScope.Formats.Pdf;

namespace EcgScope.Cli;

/// <summary>The formats the command reads: every built-in reader, and the Apple Health ECG PDF.</summary>
internal static class SupportedFiles
{
    public static EcgFileReader Reader { get; } = EcgFile.BuiltIn.With(new AppleEcgPdfReader());
}
