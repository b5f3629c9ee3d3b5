using System.Globalization;
using EcgScope.Core;
using EcgScope.Formats;
using OpenCvSharp;

namespace EcgScope.Imaging.Digitizing;

/// <summary>
/// Reads a picture of a 12-lead printout (PNG or JPEG) as a record by digitizing it with
/// <see cref="PrintoutDigitizer"/>, so that every command that takes an ECG file takes a printout image too.
/// </summary>
/// <remarks>
/// A record digitized with confidence below <see cref="DigitizedPrintout.LowConfidence"/> is refused with the
/// digitizer's concerns rather than passed on as if it were a measured signal.
/// </remarks>
public sealed class PrintoutImageReader(DigitizerOptions? options = null) : EcgFormatReader
{
    private readonly DigitizerOptions options = options ?? DigitizerOptions.Default;

    /// <inheritdoc />
    public override string FormatName => "Printout image";

    /// <inheritdoc />
    /// <remarks>Claims PNG and JPEG files by their signature; no other reader claims them.</remarks>
    public override bool CanRead(EcgSource source, ReadOnlySpan<byte> head) => ImageHeader.IsPng(head) || ImageHeader.IsJpeg(head);

    /// <inheritdoc />
    public override EcgRecord Read(EcgSource source, EcgReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var printout = ReadPrintout(source.ReadAllBytes().Span, source.Name);
        return options.SamplingRate is { } rate && rate != printout.Record.SamplingRate
            ? throw new EcgFormatException(source.Name, "a printout image is digitized at 500 Hz; a sampling rate cannot be given for it")
            : printout.Record;
    }

    /// <summary>The printout in the image <paramref name="encoded"/> (named <paramref name="name"/> in errors), digitized.</summary>
    /// <exception cref="EcgFormatException">The image cannot be decoded, or its confidence is below <see cref="DigitizedPrintout.LowConfidence"/>.</exception>
    public DigitizedPrintout ReadPrintout(ReadOnlySpan<byte> encoded, string name, CancellationToken cancellationToken = default)
    {
        using var image = PrintoutDigitizer.Decode(encoded, name, options);
        return ReadPrintout(image, name, cancellationToken);
    }

    /// <summary>The printout in <paramref name="image"/> (decoded by <see cref="PrintoutDigitizer.Decode"/>), digitized.</summary>
    /// <exception cref="EcgFormatException">Its confidence is below <see cref="DigitizedPrintout.LowConfidence"/>.</exception>
    public DigitizedPrintout ReadPrintout(Mat image, string name, CancellationToken cancellationToken = default)
    {
        var printout = PrintoutDigitizer.Digitize(image, name, options, cancellationToken);
        return printout.Confidence < DigitizedPrintout.LowConfidence
            ? throw new EcgFormatException(name, string.Create(CultureInfo.InvariantCulture,
                $"the printout could not be digitized reliably (confidence {printout.Confidence:0.00}): {string.Join("; ", printout.Concerns)}"))
            : printout;
    }
}
