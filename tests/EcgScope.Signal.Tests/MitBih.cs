using System.Globalization;
using EcgScope.Core;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests;

/// <summary>
/// A minimal test-only reader for MIT-BIH records (WFDB format 212 signals, MIT annotation files), so the signal
/// code can be checked on real recordings without depending on the product's WFDB reader.
/// </summary>
internal static class MitBih
{
    public static (double[] FirstLead, (int Sample, AnnotationCode Code)[] Beats, SamplingRate Rate) Read(string record)
    {
        var folder = TestData.Require("mitdb");
        var header = File.ReadAllLines(Path.Combine(folder, record + ".hea"));
        var rate = new SamplingRate(double.Parse(header[0].Split(' ')[2], CultureInfo.InvariantCulture));
        var fields = header[1].Split(' ');
        var gain = double.Parse(fields[2].Split('(', '/')[0], CultureInfo.InvariantCulture);
        var zero = int.Parse(fields[4], CultureInfo.InvariantCulture);

        var bytes = File.ReadAllBytes(Path.Combine(folder, record + ".dat"));
        var lead = new double[bytes.Length / 3];
        for (var i = 0; i < lead.Length; i++)
        {
            var raw = bytes[3 * i] | ((bytes[(3 * i) + 1] & 0x0F) << 8); // first signal of the frame
            raw = raw >= 2048 ? raw - 4096 : raw;
            lead[i] = (raw - zero) / gain;
        }

        return (lead, ReadBeats(Path.Combine(folder, record + ".atr")), rate);
    }

    private static (int Sample, AnnotationCode Code)[] ReadBeats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var beats = new List<(int Sample, AnnotationCode Code)>();
        var time = 0;
        for (var offset = 0; offset + 1 < bytes.Length;)
        {
            var word = bytes[offset] | (bytes[offset + 1] << 8);
            offset += 2;
            var (code, value) = (word >> 10, word & 0x3FF);
            switch (code)
            {
                case 0 when value == 0:
                    return [.. beats];
                case 59: // SKIP: a 32-bit interval follows, high 16 bits first
                    time += (bytes[offset + 2] | (bytes[offset + 3] << 8)) | ((bytes[offset] | (bytes[offset + 1] << 8)) << 16);
                    offset += 4;
                    break;
                case 63: // AUX: value bytes of text, padded to even
                    offset += (value + 1) & ~1;
                    break;
                case 60 or 61 or 62:
                    break;
                default:
                    time += value;
                    if (AnnotationCodes.IsBeat((AnnotationCode)code))
                    {
                        beats.Add((time, (AnnotationCode)code));
                    }

                    break;
            }
        }

        return [.. beats];
    }
}
