using System.Buffers;
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
    /// <summary>Reads the signal files of <paramref name="header"/>, found in the header source's <see cref="EcgSource.Files"/>.</summary>
    public static WfdbSignals Read(WfdbHeader header, EcgSource headerSource)
    {
        var headerPath = headerSource.Name;
        if (header.SegmentCount is not null)
        {
            throw new EcgFormatException(headerPath, $"multi-segment records ({header.SegmentCount} segments) are not supported; read each segment's header instead");
        }

        if (header.Signals.IsEmpty)
        {
            throw new EcgFormatException(headerPath, "the record has no signals");
        }

        if (header.SampleCount > Array.MaxLength)
        {
            throw new EcgFormatException(headerPath, $"{header.SampleCount} samples per signal are more than this reader can hold in memory");
        }

        var output = new double[header.Signals.Length][];
        var verified = 0;
        long? sampleCount = header.SampleCount;
        var groups = FileGroups(header, headerPath);
        foreach (var group in groups.Where(g => !IsNullSignal(header, g)))
        {
            var first = header.Signals[group.Start];
            var dataFile = headerSource.Files.Find(first.FileName)
                ?? throw new EcgFormatException(headerPath, $"signal file '{first.FileName}' does not exist");
            var stream = DecodeFile(header, group, dataFile, ref sampleCount);
            try
            {
                for (var s = group.Start; s < group.End; s++)
                {
                    output[s] = Convert(header, headerPath, s, stream, group, sampleCount!.Value, ref verified);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(stream);
            }
        }

        // Null signals come last: by then a signal file has vouched for the record's length, unless there is none.
        var nullSignals = groups.Where(g => IsNullSignal(header, g)).Sum(g => g.End - g.Start);
        var nullLength = nullSignals == 0 ? 0 : NullSignalLength(header, headerPath, sampleCount, hasSignalFile: nullSignals < header.Signals.Length);
        foreach (var group in groups.Where(g => IsNullSignal(header, g)))
        {
            for (var s = group.Start; s < group.End; s++)
            {
                output[s] = new double[nullLength];
                Array.Fill(output[s], double.NaN);
            }
        }

        return new WfdbSignals(output, verified);
    }

    /// <summary>
    /// Converts samples already decoded in frame order for all of the record's signals (as a MAT matrix with one row
    /// per sample of a frame holds them), verifying checksums as <see cref="Read"/> does.
    /// </summary>
    public static WfdbSignals FromFrames(WfdbHeader header, string headerPath, int[] frames, long sampleCount)
    {
        var group = NewGroup(header, headerPath, 0, header.Signals.Length);
        var output = new double[header.Signals.Length][];
        var verified = 0;
        for (var s = 0; s < output.Length; s++)
        {
            output[s] = Convert(header, headerPath, s, frames, group, sampleCount, ref verified);
        }

        return new WfdbSignals(output, verified);
    }

    private static bool IsNullSignal(WfdbHeader header, FileGroup group) => header.Signals[group.Start].FileName == "~";

    // A null signal ("~") has no file: WFDB defines every sample as missing. Its length is the record's, which a signal
    // file has checked when there is one; a record made only of null signals has nothing on disk behind its declared
    // length, so it may hold at most MaxNullOnlySamples samples over all its signals (512 MiB of NaN).
    private static long NullSignalLength(WfdbHeader header, string headerPath, long? sampleCount, bool hasSignalFile)
    {
        const long MaxNullOnlySamples = 1L << 26;
        var line = header.RecordLine > 0 ? header.RecordLine : (int?)null;
        var count = sampleCount ?? throw new EcgFormatException(headerPath, "a null signal ('~') needs the number of samples on the record line", line: line);
        if (!hasSignalFile && count * header.Signals.Length > MaxNullOnlySamples)
        {
            throw new EcgFormatException(
                headerPath,
                $"the record has only null signals ('~'), which no file backs, and declares {count} samples for each of {header.Signals.Length}; at most {MaxNullOnlySamples} samples in all are accepted",
                line: line);
        }

        return count;
    }

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
        const int maxFrameSize = 1 << 20;
        var format = header.Signals[start].Format;
        long frameSize = 0;
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

        if (frameSize > maxFrameSize)
        {
            throw new EcgFormatException(headerPath, $"a frame of {frameSize} samples in file '{header.Signals[start].FileName}' is more than this reader supports");
        }

        // A null signal ("~") has no file, so its format does not matter.
        if (header.Signals[start].FileName != "~" && !WfdbSampleFormat.CanRead(format))
        {
            throw new EcgFormatException(headerPath, $"signal format {format} is not supported (supported: {string.Join(", ", WfdbSampleFormat.Readable)})");
        }

        return new FileGroup(start, end, format, (int)frameSize, maxSkew);
    }

    // Decodes every stored sample of the group's frames into one array in file (frame) order. The array and the bytes
    // read come from the shared pool: they are large and live only while the samples are converted.
    private static int[] DecodeFile(WfdbHeader header, FileGroup group, EcgSource dataFile, ref long? sampleCount)
    {
        var offset = header.Signals[group.Start].ByteOffset;
        var dataPath = dataFile.Name;
        using var file = dataFile.OpenRead();
        var fileLength = file.Length;
        var framesInFile = WfdbSampleFormat.SampleCapacity(group.Format, Math.Max(0, fileLength - offset)) / group.FrameSize;
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
                byteOffset: Math.Min(end, fileLength));
        }

        var samples = frames * group.FrameSize;
        var byteCount = WfdbSampleFormat.ByteCount(group.Format, samples);
        if (samples > Array.MaxLength || byteCount > Array.MaxLength)
        {
            throw new EcgFormatException(dataPath, $"{samples} samples are more than this reader can hold in memory");
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)byteCount);
        var stream = ArrayPool<int>.Shared.Rent((int)samples);
        try
        {
            ReadExactly(file, bytes.AsSpan(0, (int)byteCount), offset, dataPath);
            WfdbSampleFormat.Decode(group.Format, bytes.AsSpan(0, (int)byteCount), stream.AsSpan(0, (int)samples));
        }
        catch
        {
            ArrayPool<int>.Shared.Return(stream);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        if (group.Format == 8)
        {
            IntegrateDifferences(header, group, stream.AsSpan(0, (int)samples));
        }

        return stream;
    }

    private static void ReadExactly(Stream file, Span<byte> buffer, long offset, string dataPath)
    {
        file.Position = offset;
        while (!buffer.IsEmpty)
        {
            var read = file.Read(buffer);
            if (read == 0)
            {
                throw new EcgFormatException(dataPath, "the signal file ended while it was being read", byteOffset: offset);
            }

            buffer = buffer[read..];
            offset += read;
        }
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
        if (!VoltageUnits.TryGetMillivoltFactor(signal.Units, out var perUnit))
        {
            throw new EcgFormatException(headerPath, $"signal {index} ('{signal.Description}') is in '{signal.Units}', which is not a voltage");
        }

        var position = 0;
        for (var s = group.Start; s < index; s++)
        {
            position += header.Signals[s].SamplesPerFrame;
        }

        var invalid = WfdbSampleFormat.InvalidValue(signal.Format) ?? int.MinValue;
        var output = new double[sampleCount];
        var checksum = signal.SamplesPerFrame == 1
            ? ConvertOnePerFrame(stream, (signal.Skew * group.FrameSize) + position, group.FrameSize, invalid, signal, perUnit, output)
            : ConvertAveragingFrames(stream, (signal.Skew * group.FrameSize) + position, group.FrameSize, invalid, signal, perUnit, output);
        verified += VerifyChecksum(headerPath, index, signal, checksum) ? 1 : 0;
        return output;
    }

    // The hot loop: one sample per frame, read with a stride. Returns the sum of the stored samples.
    private static long ConvertOnePerFrame(
        ReadOnlySpan<int> stream, long first, int stride, int invalid, WfdbSignalSpec signal, double perUnit, Span<double> output)
    {
        long checksum = 0;
        var index = (int)first;
        var (baseline, gain) = (signal.Baseline, signal.EffectiveGain);
        for (var t = 0; t < output.Length; t++, index += stride)
        {
            var sample = stream[index];
            checksum += sample;
            output[t] = sample == invalid ? double.NaN : (sample - baseline) / gain;
        }

        ScaleToMillivolts(output, perUnit);
        return checksum;
    }

    // Several samples per frame are averaged into one value per frame; a frame with an invalid sample is NaN.
    private static long ConvertAveragingFrames(
        ReadOnlySpan<int> stream, long first, int stride, int invalid, WfdbSignalSpec signal, double perUnit, Span<double> output)
    {
        long checksum = 0;
        var spf = signal.SamplesPerFrame;
        for (var t = 0; t < output.Length; t++)
        {
            var frame = stream.Slice((int)first + (t * stride), spf);
            long sum = 0;
            var valid = true;
            foreach (var sample in frame)
            {
                sum += sample;
                valid &= sample != invalid;
            }

            checksum += sum;
            output[t] = valid ? (((double)sum / spf) - signal.Baseline) / signal.EffectiveGain : double.NaN;
        }

        ScaleToMillivolts(output, perUnit);
        return checksum;
    }

    private static void ScaleToMillivolts(Span<double> values, double perUnit)
    {
        if (perUnit != 1)
        {
            foreach (ref var value in values)
            {
                value *= perUnit;
            }
        }
    }

    // Returns whether the checksum was verified. A header checksum of 0 that does not match is taken as "not computed"
    // (CinC 2017 writes 0 for every record); one that matches counts as verified (a PTB-XL signal sums to 0).
    private static bool VerifyChecksum(string headerPath, int index, WfdbSignalSpec signal, long checksum)
    {
        if (signal.Checksum is not { } expected)
        {
            return false;
        }

        // The header may write the 16-bit sum signed (MIT-BIH) or unsigned (PTB-XL); compare the low 16 bits.
        var matches = (checksum & 0xFFFF) == (expected & 0xFFFF);
        if (!matches && expected != 0)
        {
            throw new EcgFormatException(
                headerPath,
                string.Create(CultureInfo.InvariantCulture, $"checksum mismatch in signal {index} ('{signal.Description}'): the header says {expected}, the samples sum to {(short)checksum} (mod 65536)"));
        }

        return matches;
    }

    private sealed record FileGroup(int Start, int End, int Format, int FrameSize, int MaxSkew);
}
