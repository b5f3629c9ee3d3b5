using System.Globalization;
using System.Text;

namespace EcgScope.Formats.Tests.Edf;

/// <summary>One signal of a test EDF file; numeric fields are strings so that tests can write malformed ones.</summary>
internal sealed record EdfTestSignal(string Label, int SamplesPerRecord)
{
    public string Transducer { get; init; } = "AgAgCl electrode";
    public string Dimension { get; init; } = "uV";
    public string PhysicalMinimum { get; init; } = "-3276.8";
    public string PhysicalMaximum { get; init; } = "3276.7";
    public string DigitalMinimum { get; init; } = "-32768";
    public string DigitalMaximum { get; init; } = "32767";
    public string Prefiltering { get; init; } = "HP:0.05Hz LP:150Hz";
    public string? SamplesField { get; init; }

    /// <summary>The digital value of sample i of record r.</summary>
    public Func<int, int, short> Digital { get; init; } = (record, i) => (short)((record * 100) + i);

    /// <summary>For "EDF Annotations" signals: the TAL bytes of record r (padded with zeros).</summary>
    public Func<int, string>? Annotations { get; init; }
}

/// <summary>
/// Writes EDF/EDF+ files byte by byte from the specification's field table, independently of the reader, with every
/// header field settable (for malformed-file tests).
/// </summary>
internal sealed record EdfTestFile(IReadOnlyList<EdfTestSignal> Signals, int Records)
{
    public string Version { get; init; } = "0";
    public string Patient { get; init; } = "MCH-0234567 F 02-MAY-1951 Haagse_Harry";
    public string Recording { get; init; } = "Startdate 02-MAR-2002 PSG-1234/2002 NN Telemetry03";
    public string StartDate { get; init; } = "02.03.02";
    public string StartTime { get; init; } = "10.20.30";
    public string Reserved { get; init; } = "EDF+C";
    public string? HeaderBytes { get; init; }
    public string? RecordCount { get; init; }
    public string Duration { get; init; } = "1";

    /// <summary>A TAL: "+onset[0x15 duration]0x14 text 0x14 ... 0x00".</summary>
    public static string Tal(double onset, params string[] texts) => Tal(onset, null, texts);

    public static string Tal(double onset, double? duration, params string[] texts)
    {
        var time = (onset >= 0 ? "+" : string.Empty) + onset.ToString(CultureInfo.InvariantCulture)
            + (duration is { } d ? "\u0015" + d.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return time + "\u0014" + string.Concat(texts.Select(text => text + "\u0014")) + "\0";
    }

    public byte[] Build()
    {
        var output = new MemoryStream();
        var ns = Signals.Count;
        Field(output, Version, 8);
        Field(output, Patient, 80);
        Field(output, Recording, 80);
        Field(output, StartDate, 8);
        Field(output, StartTime, 8);
        Field(output, HeaderBytes ?? (256 * (ns + 1)).ToString(CultureInfo.InvariantCulture), 8);
        Field(output, Reserved, 44);
        Field(output, RecordCount ?? Records.ToString(CultureInfo.InvariantCulture), 8);
        Field(output, Duration, 8);
        Field(output, ns.ToString(CultureInfo.InvariantCulture), 4);
        foreach (var (field, width) in new (Func<EdfTestSignal, string>, int)[]
        {
            (s => s.Label, 16), (s => s.Transducer, 80), (s => s.Dimension, 8), (s => s.PhysicalMinimum, 8),
            (s => s.PhysicalMaximum, 8), (s => s.DigitalMinimum, 8), (s => s.DigitalMaximum, 8), (s => s.Prefiltering, 80),
            (s => s.SamplesField ?? s.SamplesPerRecord.ToString(CultureInfo.InvariantCulture), 8), (_ => string.Empty, 32),
        })
        {
            foreach (var signal in Signals)
            {
                Field(output, field(signal), width);
            }
        }

        for (var r = 0; r < Records; r++)
        {
            foreach (var signal in Signals)
            {
                var bytes = new byte[2 * signal.SamplesPerRecord];
                if (signal.Annotations is { } annotations)
                {
                    var tal = Encoding.UTF8.GetBytes(annotations(r));
                    tal.AsSpan(0, Math.Min(tal.Length, bytes.Length)).CopyTo(bytes);
                }
                else
                {
                    for (var i = 0; i < signal.SamplesPerRecord; i++)
                    {
                        var value = signal.Digital(r, i);
                        bytes[2 * i] = (byte)value;
                        bytes[(2 * i) + 1] = (byte)(value >> 8);
                    }
                }

                output.Write(bytes);
            }
        }

        return output.ToArray();
    }

    public string WriteTo(string folder, string name = "test.edf")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, Build());
        return path;
    }

    private static void Field(Stream output, string text, int width)
    {
        var bytes = Encoding.Latin1.GetBytes(text.PadRight(width));
        output.Write(bytes, 0, width);
    }
}
