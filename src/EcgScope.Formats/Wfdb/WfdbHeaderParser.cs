using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;

namespace EcgScope.Formats.Wfdb;

/// <summary>
/// Parses WFDB header files following <c>header(5)</c> of the WFDB library
/// (https://physionet.org/physiotools/wag/header-5.htm). Every error names the file and the line.
/// </summary>
public static class WfdbHeaderParser
{
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>Reads and parses the header file at <paramref name="path"/>.</summary>
    /// <exception cref="EcgFormatException">The header is malformed.</exception>
    public static WfdbHeader Parse(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses header text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="EcgFormatException">The header is malformed.</exception>
    public static WfdbHeader Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var comments = ImmutableArray.CreateBuilder<string>();
        WfdbHeader? header = null;
        var recordLine = 0;
        var signals = ImmutableArray.CreateBuilder<WfdbSignalSpec>();
        var segments = ImmutableArray.CreateBuilder<WfdbSegmentSpec>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = new LineReader(lines[index].TrimEnd('\r'), source, index + 1);
            var trimmed = line.Text.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed[0] == '#')
            {
                comments.Add(trimmed[1..].Trim());
                continue;
            }

            if (header is null)
            {
                header = ParseRecordLine(line);
                recordLine = line.Number;
            }
            else if (header.SegmentCount is { } segmentCount)
            {
                if (segments.Count == segmentCount)
                {
                    throw line.Error($"more segment lines than the {segmentCount} the record line declares");
                }

                segments.Add(ParseSegmentLine(line));
            }
            else
            {
                if (signals.Count == header.SignalCount)
                {
                    throw line.Error($"more signal lines than the {header.SignalCount} the record line declares");
                }

                signals.Add(ParseSignalLine(line));
            }
        }

        if (header is null)
        {
            throw new EcgFormatException(source, "no record line: the header is empty or holds only comments");
        }

        var expected = header.SegmentCount ?? header.SignalCount;
        var found = header.SegmentCount is null ? signals.Count : segments.Count;
        if (found < expected)
        {
            var kind = header.SegmentCount is null ? "signal" : "segment";
            throw new EcgFormatException(
                source, $"the record line declares {expected} {kind}s but only {found} {kind} line(s) follow", line: recordLine);
        }

        return header with
        {
            RecordLine = recordLine,
            Signals = signals.ToImmutable(),
            Segments = segments.ToImmutable(),
            Comments = comments.ToImmutable(),
        };
    }

    // record name[/segments] signals [frequency[/counter frequency[(base counter)]] [samples [base time [base date]]]];
    // the base time and date may also come date first (see WfdbStartFields).
    private static WfdbHeader ParseRecordLine(LineReader line)
    {
        var fields = line.Fields();
        if (fields.Length < 2)
        {
            throw line.Error("the record line needs at least a record name and a number of signals");
        }

        var (name, segmentText) = SplitOnce(fields[0], '/');
        if (name.Length == 0)
        {
            throw line.Error("the record name is empty");
        }

        int? segmentCount = segmentText is null ? null : line.Integer(segmentText, "number of segments", minimum: 1);
        var header = new WfdbHeader
        {
            RecordName = name,
            SegmentCount = segmentCount,
            SignalCount = line.Integer(fields[1], "number of signals", minimum: 0),
        };
        if (fields.Length > 2)
        {
            header = ParseFrequencies(line, fields[2], header);
        }

        if (fields.Length > 3)
        {
            var samples = line.Long(fields[3], "number of samples", minimum: 0);
            header = header with { SampleCount = samples == 0 ? null : samples };
        }

        if (fields.Length > 4)
        {
            var start = WfdbStartFields.Parse(fields[4..]);
            header = header with { BaseTime = start.Time, BaseDate = start.Date, StartFieldsNote = start.Note };
        }

        return header;
    }

    private static WfdbHeader ParseFrequencies(LineReader line, string field, WfdbHeader header)
    {
        var (frequencyText, counterText) = SplitOnce(field, '/');
        var frequency = line.Positive(frequencyText, "sampling frequency");
        if (counterText is null)
        {
            return header with { SamplingFrequency = frequency };
        }

        var (counterFrequencyText, baseCounterText) = SplitParenthesised(line, counterText, "counter frequency");
        return header with
        {
            SamplingFrequency = frequency,
            CounterFrequency = line.Positive(counterFrequencyText, "counter frequency"),
            BaseCounter = baseCounterText is null ? null : line.Real(baseCounterText, "base counter value"),
        };
    }

    private static WfdbSegmentSpec ParseSegmentLine(LineReader line)
    {
        var fields = line.Fields();
        if (fields.Length != 2)
        {
            throw line.Error("a segment line needs a record name and a number of samples");
        }

        return new WfdbSegmentSpec(fields[0], line.Long(fields[1], "number of samples in the segment", minimum: 0));
    }

    // file format[xspf][:skew][+offset] [gain[(baseline)][/units] [resolution [zero [initial [checksum [block [description]]]]]]]
    private static WfdbSignalSpec ParseSignalLine(LineReader line)
    {
        const int fixedFields = 8;
        var fields = line.Fields(fixedFields);
        if (fields.Length < 2)
        {
            throw line.Error("a signal line needs at least a file name and a format");
        }

        var (format, samplesPerFrame, skew, byteOffset) = ParseFormatField(line, fields[1]);
        double gain = 0;
        int? baseline = null;
        var units = "mV";
        if (fields.Length > 2)
        {
            (gain, baseline, units) = ParseGainField(line, fields[2]);
        }

        var resolution = fields.Length > 3 ? line.Integer(fields[3], "ADC resolution", minimum: 0) : 0;
        var adcZero = fields.Length > 4 ? line.Integer(fields[4], "ADC zero") : 0;
        return new WfdbSignalSpec
        {
            FileName = fields[0],
            Format = format,
            SamplesPerFrame = samplesPerFrame,
            Skew = skew,
            ByteOffset = byteOffset,
            Gain = gain,
            Baseline = baseline ?? adcZero,
            Units = units,
            AdcResolution = resolution == 0 ? DefaultResolution(format) : resolution,
            AdcZero = adcZero,
            InitialValue = fields.Length > 5 ? line.Integer(fields[5], "initial value") : adcZero,
            Checksum = fields.Length > 6 ? ParseChecksum(line, fields[6]) : null,
            BlockSize = fields.Length > 7 ? line.Integer(fields[7], "block size", minimum: 0) : 0,
            Description = fields.Length > fixedFields ? fields[fixedFields] : null,
        };
    }

    private static (int Format, int SamplesPerFrame, int Skew, long ByteOffset) ParseFormatField(LineReader line, string field)
    {
        var end = field.IndexOfAny(['x', ':', '+']);
        var format = line.Integer(end < 0 ? field : field[..end], "signal format", minimum: 0);
        int samplesPerFrame = 1, skew = 0;
        long byteOffset = 0;
        while (end >= 0)
        {
            var marker = field[end];
            var next = field.IndexOfAny(['x', ':', '+'], end + 1);
            var value = next < 0 ? field[(end + 1)..] : field[(end + 1)..next];
            switch (marker)
            {
                case 'x':
                    samplesPerFrame = line.Integer(value, "samples per frame", minimum: 1);
                    break;
                case ':':
                    skew = line.Integer(value, "skew", minimum: 0);
                    break;
                default:
                    byteOffset = line.Long(value, "byte offset", minimum: 0);
                    break;
            }

            end = next;
        }

        return (format, samplesPerFrame, skew, byteOffset);
    }

    private static (double Gain, int? Baseline, string Units) ParseGainField(LineReader line, string field)
    {
        var (calibration, unitsText) = SplitOnce(field, '/');
        var (gainText, baselineText) = SplitParenthesised(line, calibration, "ADC gain");
        var gain = line.Real(gainText, "ADC gain");
        if (gain < 0)
        {
            throw line.Error($"ADC gain '{gainText}' is negative");
        }

        int? baseline = baselineText is null ? null : line.Integer(baselineText, "baseline");
        if (unitsText is { Length: 0 })
        {
            throw line.Error("the units after '/' are empty");
        }

        return (gain, baseline, unitsText ?? "mV");
    }

    private static int ParseChecksum(LineReader line, string field)
    {
        var checksum = line.Integer(field, "checksum");
        if (checksum is < short.MinValue or > ushort.MaxValue)
        {
            throw line.Error($"checksum {checksum} is not a 16-bit value");
        }

        return checksum;
    }

    private static int DefaultResolution(int format) => format switch
    {
        212 => 12,
        310 or 311 => 10,
        8 or 80 => 8,
        _ => 16,
    };

    private static (string Before, string? After) SplitOnce(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }

    // "value(inner)" -> ("value", "inner"); "value" -> ("value", null).
    private static (string Value, string? Inner) SplitParenthesised(LineReader line, string text, string what)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (text, null);
        }

        if (!text.EndsWith(')'))
        {
            throw line.Error($"unbalanced parenthesis in the {what} field '{text}'");
        }

        return (text[..open], text[(open + 1)..^1]);
    }

    /// <summary>One line of the header, with number parsing that reports the line on failure.</summary>
    private readonly struct LineReader(string text, string source, int number)
    {
        public string Text { get; } = text;

        public int Number { get; } = number;

        // Splits into blank-separated fields; with a limit, the last field is the rest of the line (the description).
        public string[] Fields(int limit = int.MaxValue)
        {
            var fields = new List<string>();
            var rest = Text.AsSpan().Trim();
            while (rest.Length > 0)
            {
                if (fields.Count == limit)
                {
                    fields.Add(rest.ToString());
                    break;
                }

                var end = rest.IndexOfAny(Blanks);
                fields.Add((end < 0 ? rest : rest[..end]).ToString());
                rest = end < 0 ? [] : rest[end..].TrimStart();
            }

            return [.. fields];
        }

        public EcgFormatException Error(string reason) => new(source, reason, line: Number);

        public int Integer(string text, string what, int minimum = int.MinValue)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"{what} '{text}' is not an integer");
            }

            return value >= minimum ? value : throw Error($"{what} {value} is below {minimum}");
        }

        public long Long(string text, string what, long minimum)
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"{what} '{text}' is not an integer");
            }

            return value >= minimum ? value : throw Error($"{what} {value} is below {minimum}");
        }

        public double Real(string text, string what)
        {
            const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
            if (!double.TryParse(text, style, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Error($"{what} '{text}' is not a number");
            }

            return value;
        }

        public double Positive(string text, string what)
        {
            var value = Real(text, what);
            return value > 0 ? value : throw Error($"{what} {text} must be above zero");
        }
    }
}
