using EcgScope.Formats;
using EcgScope.Formats.Pdf;
using EcgScope.Imaging.Digitizing;

namespace EcgScope.Cli;

/// <summary>The formats the command reads: every built-in reader, the Apple Health ECG PDF, and printout images (digitized).</summary>
internal static class SupportedFiles
{
    public static EcgFileReader Reader { get; } = EcgFile.BuiltIn.With(new AppleEcgPdfReader()).With(new PrintoutImageReader());
}
