using OpenCvSharp;

namespace EcgScope.Imaging.Rendering;

/// <summary>A printout image and what it shows. Owns the image: dispose it.</summary>
public sealed class RenderedPrintout : IDisposable
{
    /// <summary>Wraps <paramref name="image"/> (8-bit BGR, taken over) with its <paramref name="truth"/>.</summary>
    public RenderedPrintout(Mat image, PrintoutTruth truth)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(truth);
        if (image.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"A printout image must be 8-bit BGR, not {image.Type()}.", nameof(image));
        }

        Image = image;
        Truth = truth;
    }

    /// <summary>The pixels, 8-bit BGR (OpenCV's order).</summary>
    public Mat Image { get; }

    /// <summary>What the image shows, with the map from paper to these pixels.</summary>
    public PrintoutTruth Truth { get; }

    /// <summary>The image encoded as PNG.</summary>
    public byte[] EncodePng() => Image.ToBytes(".png");

    /// <inheritdoc />
    public void Dispose() => Image.Dispose();
}
