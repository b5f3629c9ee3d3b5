using System.Diagnostics;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Edf;

/// <summary>BioSig's save2gdf (Debian package biosig-tools): an EDF writer that is not ours.</summary>
internal static class Save2Gdf
{
    private const string Executable = "/usr/bin/save2gdf";

    /// <summary>Converts a WFDB record to EDF in a temp folder; skips locally / fails under CI when save2gdf is missing.</summary>
    public static string ConvertToEdf(string header)
    {
        if (!File.Exists(Executable))
        {
            var message = $"{Executable} not found: apt-get install biosig-tools.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        var output = Path.Combine(TestData.TempFolder(), Path.GetFileNameWithoutExtension(header) + ".edf");
        using var process = Process.Start(new ProcessStartInfo(Executable, ["-f=EDF", header, output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "save2gdf did not finish.");
        Assert.True(process.ExitCode == 0 && File.Exists(output), $"save2gdf failed ({process.ExitCode}): {log}");
        return output;
    }
}

/// <summary>Decodes MIT format 212 (two 12-bit two's-complement samples in three bytes) for a two-signal record.</summary>
internal static class MitFormat212
{
    public static int[][] ReadTwoSignals(string dat)
    {
        var bytes = File.ReadAllBytes(dat);
        var frames = bytes.Length / 3;
        int[][] signals = [new int[frames], new int[frames]];
        for (var f = 0; f < frames; f++)
        {
            int b0 = bytes[3 * f], b1 = bytes[(3 * f) + 1], b2 = bytes[(3 * f) + 2];
            signals[0][f] = SignExtend12(b0 | ((b1 & 0x0F) << 8));
            signals[1][f] = SignExtend12(b2 | ((b1 & 0xF0) << 4));
        }

        return signals;
    }

    private static int SignExtend12(int value) => value >= 2048 ? value - 4096 : value;
}
