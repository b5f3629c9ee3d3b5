using System.Diagnostics;
using EcgScope.Testing;

namespace EcgScope.EndToEnd;

/// <summary>Poppler's pdftotext (apt <c>poppler-utils</c>): reads a PDF's text back as a person's PDF viewer would.</summary>
internal static class PdfText
{
    /// <summary>The text of the PDF at <paramref name="path"/>, in reading order.</summary>
    public static async Task<string> ReadAsync(string path)
    {
        var program = Prerequisite.Program("/usr/bin/pdftotext", "poppler-utils");
        using var process = Process.Start(new ProcessStartInfo(program, ["-enc", "UTF-8", path, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"pdftotext failed ({process.ExitCode}): {await errors}");
        return await text;
    }
}
