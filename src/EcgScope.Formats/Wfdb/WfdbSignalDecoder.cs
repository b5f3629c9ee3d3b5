using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Wfdb;

/// <summary>Decoded signals of a record, in millivolts, with the number of signals whose checksum matched.</summary>
internal sealed record WfdbSignals(double[][] Millivolts, int VerifiedChecksums);

/// <summary>
/// Reads the signal files a header names and turns stored samples into millivolts: value = (sample - baseline) / gain,
/// scaled from the signal's units; WFDB's invalid sample value becomes NaN (<c>signal(5)</c>, <c>header(5)</c>).
/// </summary>
internal static class WfdbSignalDecoder
{
    public static WfdbSignals Read(WfdbHeader header, string headerPath)
    {
        if (header.SegmentCount is not null)
        {
            throw new EcgFormatException(headerPath, $"multi-segment records ({header.SegmentCount} segments) are not supported; read each segment's header instead");
        }

        if (header.Signals.IsEmpty)
        {
            throw new EcgFormatException(headerPath, "the record has no signals");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(headerPath)) ?? ".";
        var output = new double[header.Signals.Length][];
        var verified = 0;
        long? sampleCount = header.SampleCount;
        foreach (var group in FileGroups(header, headerPath))
        {
            var first = header.Signals[group.Start];
            if (first.FileName == "~")
            {
                // A null signal: WFDB defines no file, so every sample is missing.
                var count = sampleCount ?? throw new EcgFormatException(headerPath, "a null signal ('~') needs the number of samples on the record line");
                for (var s = group.Start; s < group.End; s++)
                {
                    output[s] = new double[count];
                    Array.Fill(output[s], double.NaN);
                }

                continue;
            }

            var dataPath = Path.Combine(folder, first.FileName);
            if (!File.Exists(dataPath))
            {
                throw new EcgFormatException(headerPath, $"signal file '{first.FileName}' does not exist");
            }

            var stream = DecodeFile(header, group, dataPath, ref sampleCount);
            for (var s = group.Start; s < group.End; s++)
            {
                output[s] = Convert(header, headerPath, s, stream, group, sampleCount!.Value, ref verified);
            }
        }

        return new WfdbSignals(output, verified);
    }

    /// <summary>The millivolts per physical unit of <paramref name="units"/>, or null when it is not a voltage.</summary>
    public static double? MillivoltsPerUnit(string units) => units switch
    {
        "mV" or "mv" or "MV" => 1,
        "uV" or "µV" or "μV" or "uv" => 1e-3,
        "nV" => 1e-6,
        "V" or "v" => 1e3,
        _ => null,
    };

    // Signals stored in one file are consecutive lines of the header with the same file name (header(5)).
    private static List<FileGroup> FileGroups(WfdbHeader header, string headerPath)
    {
        var groups = new List<FileGroup>();
        var start = 0;
        for (var s = 1; s <= header.Signals.Length; s++)
        {
            if (s < header.Signals.Length && header.Signals[s].FileName == header.Signals[start].FileName)
            {
                continue;
            }

            groups.Add(NewGroup(header, headerPath, start, s));
            start = s;
        }

        var names = groups.Select(g => header.Signals[g.Start].FileName).Where(n => n != "~").ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new EcgFormatException(headerPath, "signals stored in the same file must be on consecutive lines");
        }

        return groups;
    }

    private static FileGroup NewGroup(WfdbHeader header, string headerPath, int start, int end)
    {
        var format = header.Signals[start].Format;
        var frameSize = 0;
        var maxSkew = 0;
        for (var s = start; s < end; s++)
        {
            var signal = header.Signals[s];
            if (signal.Format != format)
            {
                throw new EcgFormatException(headerPath, $"signals {start} and {s} share file '{signal.FileName}' but have formats {format} and {signal.Format}");
            }

            frameSize += signal.SamplesPerFrame;
            maxSkew = Math.Max(maxSkew, signal.Skew);
        }

        if (signalFileNeeded(header.Signals[start]) && !WfdbSampleFormat.CanRead(format))
        {
            throw new EcgFormatException(headerPath, $"signal format {format} is not supported (supported: {string.Join(", ", WfdbSampleFormat.Readable)})");
        }

        return new FileGroup(start, end, format, frameSize, maxSkew);

        static bool signalFileNeeded(WfdbSignalSpec signal) => signal.FileName != "~";
    }

    // Decodes every stored sample of the group's frames into one array in file (frame) order.
    private static int[] DecodeFile(WfdbHeader header, FileGroup group, string dataPath, ref long? sampleCount)
    {
        var offset = header.Signals[group.Start].ByteOffset;
        var bytes = File.ReadAllBytes(dataPath);
        var available = Math.Max(0, bytes.Length - offset);
        var framesInFile = WfdbSampleFormat.SampleCapacity(group.Format, available) / group.FrameSize;
        if (sampleCount is null)
        {
            // The header gives no length: the first signal file decides it.
            sampleCount = Math.Max(0, framesInFile - group.MaxSkew);
            if (sampleCount == 0)
            {
                throw new EcgFormatException(dataPath, "the signal file holds no complete frame", byteOffset: offset);
            }
        }

        var frames = sampleCount.Value + group.MaxSkew;
        if (framesInFile < frames)
        {
            var end = offset + WfdbSampleFormat.ByteCount(group.Format, framesInFile * group.FrameSize);
            throw new EcgFormatException(
                dataPath,
                $"the signal file is truncated: the header declares {frames} frames of {group.FrameSize} samples but the data ends after {framesInFile}",
                byteOffset: Math.Min(end, bytes.Length));
        }

        var samples = frames * group.FrameSize;
        if (samples > Array.MaxLength)
        {
            throw new EcgFormatException(dataPath, $"{samples} samples are more than this reader can hold in memory");
        }

        var stream = new int[samples];
        WfdbSampleFormat.Decode(group.Format, bytes.AsSpan((int)offset), stream);
        if (group.Format == 8)
        {
            IntegrateDifferences(header, group, stream);
        }

        return stream;
    }

    // Format 8 stores first differences; each signal starts from its initial value (signal(5)).
    private static void IntegrateDifferences(WfdbHeader header, FileGroup group, Span<int> stream)
    {
        var position = 0;
        for (var s = group.Start; s < group.End; s++)
        {
            var spf = header.Signals[s].SamplesPerFrame;
            var value = header.Signals[s].InitialValue;
            for (var frame = position; frame < stream.Length; frame += group.FrameSize)
            {
                for (var k = 0; k < spf; k++)
                {
                    value += stream[frame + k];
                    stream[frame + k] = value;
                }
            }

            position += spf;
        }
    }

    private static double[] Convert(
        WfdbHeader header, string headerPath, int index, int[] stream, FileGroup group, long sampleCount, ref int verified)
    {
        var signal = header.Signals[index];
        var perUnit = MillivoltsPerUnit(signal.Units)
            ?? throw new EcgFormatException(headerPath, $"signal {index} ('{signal.Description}') is in '{signal.Units}', which is not a voltage");
        var position = 0;
        for (var s = group.Start; s < index; s++)
        {
            position += header.Signals[s].SamplesPerFrame;
        }

        var invalid = WfdbSampleFormat.InvalidValue(signal.Format) ?? int.MinValue;
        var gain = signal.EffectiveGain;
        var spf = signal.SamplesPerFrame;
        var output = new double[sampleCount];
        long checksum = 0;
        var source = stream.AsSpan();
        for (long t = 0; t < sampleCount; t++)
        {
            var frame = source.Slice((int)(((t + signal.Skew) * group.FrameSize) + position), spf);
            long sum = 0;
            var valid = true;
            foreach (var sample in frame)
            {
                checksum += sample;
                sum += sample;
                valid &= sample != invalid;
            }

            var adc = spf == 1 ? sum : (double)sum / spf;
            var millivolts = (adc - signal.Baseline) / gain;
            output[t] = !valid ? double.NaN : perUnit == 1 ? millivolts : millivolts * perUnit;
        }

        verified += VerifyChecksum(headerPath, index, signal, checksum) ? 1 : 0;
        return output;
    }

    private static bool VerifyChecksum(string headerPath, int index, WfdbSignalSpec signal, long checksum)
    {
        if (signal.Checksum is null or 0)
        {
            return false;
        }

        // The header may write the 16-bit sum signed (MIT-BIH) or unsigned (PTB-XL); compare the low 16 bits.
        if ((checksum & 0xFFFF) != (signal.Checksum.Value & 0xFFFF))
        {
            throw new EcgFormatException(
                headerPath,
                string.Create(CultureInfo.InvariantCulture, $"checksum mismatch in signal {index} ('{signal.Description}'): the header says {signal.Checksum}, the samples sum to {(short)checksum} (mod 65536)"));
        }

        return true;
    }

    private sealed record FileGroup(int Start, int End, int Format, int FrameSize, int MaxSkew);
}
