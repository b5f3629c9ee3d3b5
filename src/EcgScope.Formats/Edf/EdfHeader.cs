using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Formats.Edf;

/// <summary>
/// The header of an EDF or EDF+ file: 256 bytes of ASCII fields for the recording, then 256 bytes per signal.
/// Field layout from the EDF specification (Kemp et al. 1992, https://www.edfplus.info/specs/edf.html) and EDF+
/// (Kemp and Olivan 2003, https://www.edfplus.info/specs/edfplus.html).
/// </summary>
internal sealed record EdfHeader
{
    /// <summary>Size of the fixed part and of each signal's part.</summary>
    public const int BlockSize = 256;

    private const int MaxSignals = 4096;

    /// <summary>The patient field, kept only to be kept out of the record (it may hold a name).</summary>
    public required string Patient { get; init; }

    /// <summary>The recording field ("Startdate 02-MAR-2002 admincode technician equipment" in EDF+).</summary>
    public required string Recording { get; init; }

    /// <summary>Start of the recording, clock time as the file states it (EDF has no time zone).</summary>
    public required DateTime StartTime { get; init; }

    /// <summary>Bytes before the first data record.</summary>
    public required int HeaderBytes { get; init; }

    /// <summary>"EDF+C", "EDF+D" or free text in plain EDF.</summary>
    public required string Reserved { get; init; }

    /// <summary>Number of data records.</summary>
    public required int RecordCount { get; init; }

    /// <summary>Duration of a data record in seconds, as stated (may be fractional, such as 0.0027782).</summary>
    public required double RecordDurationSeconds { get; init; }

    /// <summary>The signals, in file order.</summary>
    public required ImmutableArray<EdfSignalHeader> Signals { get; init; }

    /// <summary>Whether the file declares itself EDF+ (continuous or discontinuous).</summary>
    public bool IsEdfPlus => Reserved.StartsWith("EDF+", StringComparison.Ordinal);

    /// <summary>Whether the file is EDF+D: data records may have gaps between them.</summary>
    public bool IsDiscontinuous => Reserved.StartsWith("EDF+D", StringComparison.Ordinal);

    /// <summary>Bytes in one data record: two per sample of every signal.</summary>
    public long RecordBytes => Signals.Sum(signal => 2L * signal.SamplesPerRecord);

    /// <summary>Reads and checks the header at the start of <paramref name="stream"/>.</summary>
    public static EdfHeader Read(string path, Stream stream)
    {
        var fixedPart = ReadBlock(path, stream, 0, BlockSize);
        var fields = new FieldReader(path, fixedPart, 0);
        var version = fields.Text(0, 8);
        if (fixedPart[0] == 0xFF)
        {
            throw new EcgFormatException(path, "this is a BDF (24-bit) file; only EDF and EDF+ are supported.", byteOffset: 0);
        }

        if (version != "0")
        {
            throw new EcgFormatException(path, $"version field is '{version}', EDF requires '0'.", byteOffset: 0);
        }

        var signalCount = fields.Integer(252, 4, "number of signals", 1, MaxSignals);
        var headerBytes = fields.Integer(184, 8, "number of header bytes", 0, int.MaxValue);
        if (headerBytes != BlockSize * (signalCount + 1))
        {
            throw new EcgFormatException(path,
                $"header size field says {headerBytes} bytes, but {signalCount} signals need {BlockSize * (signalCount + 1)}.",
                byteOffset: 184);
        }

        var recordCount = fields.Integer(236, 8, "number of data records", -1, int.MaxValue);
        if (recordCount == -1)
        {
            throw new EcgFormatException(path,
                "number of data records is -1: the file was not closed after recording, so its length is unknown.", byteOffset: 236);
        }

        if (recordCount == 0)
        {
            throw new EcgFormatException(path, "number of data records is 0: the file holds no samples.", byteOffset: 236);
        }

        var duration = fields.Number(244, 8, "duration of a data record");
        if (!(duration > 0))
        {
            throw new EcgFormatException(path, $"duration of a data record is {duration} s; it must be above 0.", byteOffset: 244);
        }

        var reserved = fields.Text(192, 44);
        var recording = fields.Text(88, 80);
        var signalPart = ReadBlock(path, stream, BlockSize, BlockSize * signalCount);
        return new EdfHeader
        {
            Patient = fields.Text(8, 80),
            Recording = recording,
            StartTime = EdfStartTime.Parse(fields, reserved.StartsWith("EDF+", StringComparison.Ordinal) ? recording : null),
            HeaderBytes = headerBytes,
            Reserved = reserved,
            RecordCount = recordCount,
            RecordDurationSeconds = duration,
            Signals = ReadSignals(new FieldReader(path, signalPart, BlockSize), signalCount),
        };
    }

    private static ImmutableArray<EdfSignalHeader> ReadSignals(FieldReader fields, int count)
    {
        // Each field is stored for all signals before the next field: label x ns, transducer x ns, ...
        var widths = new[] { 16, 80, 8, 8, 8, 8, 8, 80, 8, 32 };
        var starts = new int[widths.Length];
        for (var f = 1; f < widths.Length; f++)
        {
            starts[f] = starts[f - 1] + (widths[f - 1] * count);
        }

        var signals = ImmutableArray.CreateBuilder<EdfSignalHeader>(count);
        var offsetInRecord = 0L;
        for (var i = 0; i < count; i++)
        {
            int At(int field) => starts[field] + (i * widths[field]);
            var label = fields.Text(At(0), 16);
            var digitalMinimum = fields.Integer(At(5), 8, $"digital minimum of signal {i + 1}", int.MinValue, int.MaxValue);
            var digitalMaximum = fields.Integer(At(6), 8, $"digital maximum of signal {i + 1}", int.MinValue, int.MaxValue);
            var physicalMinimum = fields.Number(At(3), 8, $"physical minimum of signal {i + 1}");
            var physicalMaximum = fields.Number(At(4), 8, $"physical maximum of signal {i + 1}");
            var samplesPerRecord = fields.Integer(At(8), 8, $"samples per data record of signal {i + 1}", 1, int.MaxValue / 2);
            if (label != EdfSignalHeader.AnnotationLabel)
            {
                fields.Require(digitalMaximum > digitalMinimum, At(6), $"signal {i + 1} ('{label}'): digital maximum {digitalMaximum} is not above the minimum {digitalMinimum}.");
                fields.Require(physicalMaximum != physicalMinimum, At(4), $"signal {i + 1} ('{label}'): physical maximum equals the minimum ({physicalMinimum}).");
            }

            fields.Require(offsetInRecord + samplesPerRecord <= int.MaxValue / 2, At(8), "data records are too large.");
            signals.Add(new EdfSignalHeader(
                i, label, fields.Text(At(1), 80), fields.Text(At(2), 8), physicalMinimum, physicalMaximum,
                digitalMinimum, digitalMaximum, fields.Text(At(7), 80), samplesPerRecord, (int)offsetInRecord));
            offsetInRecord += samplesPerRecord;
        }

        return signals.MoveToImmutable();
    }

    private static byte[] ReadBlock(string path, Stream stream, long offset, int length)
    {
        var block = new byte[length];
        var read = stream.ReadAtLeast(block, length, throwOnEndOfStream: false);
        return read == length
            ? block
            : throw new EcgFormatException(path, $"the header is cut off: expected {length} bytes here, found {read}.", byteOffset: offset + read);
    }

    /// <summary>Reads ASCII fields of a header block and reports bad ones with their absolute byte offset.</summary>
    internal readonly struct FieldReader(string path, byte[] block, long blockOffset)
    {
        /// <summary>The field's text, trimmed of the spaces EDF pads with.</summary>
        public string Text(int offset, int length) => Encoding.Latin1.GetString(block, offset, length).Trim(' ', '\0');

        /// <summary>The field as an integer within [min, max].</summary>
        public int Integer(int offset, int length, string what, int min, int max)
        {
            var text = Text(offset, length);
            var ok = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
            if (!ok && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real)
                && Math.Abs(real) < 1e12)
            {
                // "256.0" is seen in files from some writers; it is still a whole number.
                (ok, value) = (true, (long)real);
            }

            Require(ok, offset, $"{what} '{text}' is not a whole number.");
            Require(value >= min && value <= max, offset, $"{what} {value} is out of range.");
            return (int)value;
        }

        /// <summary>The field as a finite decimal number.</summary>
        public double Number(int offset, int length, string what)
        {
            var text = Text(offset, length);
            var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);
            Require(ok, offset, $"{what} '{text}' is not a number.");
            return value;
        }

        /// <summary>Throws an error at the field's byte offset unless <paramref name="condition"/> holds.</summary>
        public void Require(bool condition, int offset, string reason)
        {
            if (!condition)
            {
                throw new EcgFormatException(path, reason, byteOffset: blockOffset + offset);
            }
        }
    }
}
