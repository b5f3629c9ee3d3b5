using System.Collections.Immutable;
using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats.Wfdb;

namespace EcgScope.Formats.Mat;

/// <summary>
/// Reads an ECG stored as a MATLAB Level 4 <c>.mat</c> matrix (see <see cref="MatV4Reader"/>) with one row per signal
/// and one column per sample, as PhysioNet's CinC 2017 challenge and <c>wfdb2mat</c> store them.
/// </summary>
/// <remarks>
/// When a WFDB header with the same name lies beside the file (CinC 2017's <c>A00001.hea</c> names
/// <c>A00001.mat</c>), the matrix holds ADC values and the header gives rate, gains, units, lead names and
/// checksums: the record is the same as <see cref="WfdbReader"/> reads from that header. Without a header, the
/// matrix values are taken as physical values in <see cref="EcgReadOptions.Unit"/> (default millivolts), and
/// <see cref="EcgReadOptions.SamplingRate"/> is required; ±Inf values there are missing samples (NaN), like MATLAB's
/// NaN, while with a header every value must be an integer ADC value. The matrix named "val" is used when there is one, else the
/// first matrix.
/// </remarks>
public sealed class MatReader : EcgFormatReader
{
    /// <inheritdoc />
    public override string FormatName => "MATLAB v4";

    /// <inheritdoc />
    /// <remarks>A <c>.mat</c> file that starts with a Level 4 header, or with MATLAB 5's text header (which
    /// <see cref="Read(EcgSource, EcgReadOptions)"/> then rejects with a clear message).</remarks>
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Name.EndsWith(".mat", StringComparison.OrdinalIgnoreCase)
            && (MatV4Reader.LooksLikeLevel4(head) || MatV4Reader.IsLevel5OrLater(head));
    }

    /// <inheritdoc />
    /// <remarks>The header is looked up in <see cref="EcgSource.Files"/>: beside a file, or in a stream's <see cref="RecordFileSet"/>.</remarks>
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var matrices = MatV4Reader.Read(source.ReadAllBytes().Span, source.Name);
        var matrix = matrices.FirstOrDefault(m => m.Name == "val") ?? matrices[0];
        return source.Files.Find(WfdbReader.CompanionName(source, "hea")) is { } header
            ? ReadWithHeader(source, header, matrix, options)
            : ReadAlone(source.Name, matrix, options);
    }

    private static EcgRecord ReadWithHeader(EcgSource source, EcgSource headerSource, MatV4Matrix matrix, EcgReadOptions options)
    {
        var (path, headerPath) = (source.Name, headerSource.Name);
        var header = WfdbHeaderParser.Parse(headerSource.ReadAllText(), headerPath);
        var fileName = Path.GetFileName(path);
        if (header.Signals.IsEmpty || header.Signals.Any(s => !string.Equals(s.FileName, fileName, StringComparison.Ordinal)))
        {
            throw new EcgFormatException(headerPath, $"the header beside '{fileName}' does not store all its signals in it");
        }

        var frameSize = header.Signals.Sum(s => s.SamplesPerFrame);
        var skew = header.Signals.Max(s => s.Skew);
        var sampleCount = header.SampleCount ?? (matrix.Columns - skew);
        if (matrix.Rows != frameSize || matrix.Columns < sampleCount + skew || sampleCount <= 0)
        {
            throw new EcgFormatException(
                path, $"matrix '{matrix.Name}' is {matrix.Rows} x {matrix.Columns} but the header declares {frameSize} samples per frame and {sampleCount + skew} frames");
        }

        var frames = new int[matrix.Values.Length];
        for (var i = 0; i < frames.Length; i++)
        {
            var value = matrix.Values[i];
            if (value != Math.Round(value) || value is < int.MinValue or > int.MaxValue)
            {
                throw new EcgFormatException(path, string.Create(
                    CultureInfo.InvariantCulture, $"matrix '{matrix.Name}' value {value} (row {(i % matrix.Rows) + 1}, column {(i / matrix.Rows) + 1}) is not an integer ADC value"));
            }

            frames[i] = (int)value;
        }

        var signals = WfdbSignalDecoder.FromFrames(header, headerPath, frames, sampleCount);
        return WfdbReader.BuildRecord(header, headerSource, signals, options.AnnotationExtension);
    }

    private static EcgRecord ReadAlone(string path, MatV4Matrix matrix, EcgReadOptions options)
    {
        var rate = options.SamplingRate
            ?? throw new EcgFormatException(path, "a .mat file stores no sampling rate: put its WFDB header beside it or give EcgReadOptions.SamplingRate");
        var unit = options.Unit ?? "mV";
        if (!VoltageUnits.TryGetMillivoltFactor(unit, out var perUnit))
        {
            throw new EcgFormatException(path, $"unit '{unit}' is not a voltage (mV, uV or V)");
        }

        if (matrix.Rows == 0 || matrix.Columns == 0)
        {
            throw new EcgFormatException(path, $"matrix '{matrix.Name}' is empty");
        }

        var leads = ImmutableArray.CreateBuilder<EcgLead>(matrix.Rows);
        for (var row = 0; row < matrix.Rows; row++)
        {
            var samples = new double[matrix.Columns];
            for (var column = 0; column < samples.Length; column++)
            {
                // Leads hold finite values or NaN for missing ones; a stored ±Inf is no measurement, so it is missing too.
                var value = matrix[row, column] * perUnit;
                samples[column] = double.IsFinite(value) ? value : double.NaN;
            }

            var name = matrix.Rows == 1 ? matrix.Name : string.Create(CultureInfo.InvariantCulture, $"{matrix.Name} {row + 1}");
            leads.Add(EcgLead.FromOwnedArray(string.IsNullOrWhiteSpace(name) ? "signal" : name, samples));
        }

        return new EcgRecord(leads.MoveToImmutable(), rate)
        {
            Metadata = new EcgMetadata { SourceFormat = "MATLAB v4" },
        };
    }
}
