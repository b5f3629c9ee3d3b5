using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Imaging.Digitizing;
using EcgScope.Testing;

namespace EcgScope.Imaging.Tests;

public sealed class PrintoutImageReaderTests
{
    [Fact]
    public void Any_command_reading_files_reads_a_printout_image_as_a_record()
    {
        var path = TestData.File("images", "cardiac-patients", "normal", "Normal(10).jpg");
        var files = EcgFile.BuiltIn.With(new PrintoutImageReader());

        var record = files.Read(path);

        Assert.Equal(12, record.Leads.Length);
        Assert.Equal(PrintoutDigitizer.SourceFormat, record.Metadata.SourceFormat);
    }

    [Fact]
    public void Only_png_and_jpeg_signatures_are_claimed()
    {
        var reader = new PrintoutImageReader();

        Assert.True(reader.CanRead("a.bin", [0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.True(reader.CanRead("a.bin", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.False(reader.CanRead("a.png", "%PDF-1.4"u8));
        Assert.False(reader.CanRead("a.jpg", "time,lead\n"u8));
    }

    [Fact]
    public void An_image_without_a_printout_is_refused_with_the_digitizer_s_reasons()
    {
        using var noise = new OpenCvSharp.Mat(600, 900, OpenCvSharp.MatType.CV_8UC3);
        OpenCvSharp.Cv2.Randu(noise, OpenCvSharp.Scalar.All(0), OpenCvSharp.Scalar.All(255));
        var path = Path.Combine(TestData.TempFolder(), "noise.png");
        OpenCvSharp.Cv2.ImWrite(path, noise);

        var error = Assert.Throws<EcgFormatException>(() => new PrintoutImageReader().Read(path, EcgReadOptions.Default));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Seeded mutations of a real printout (truncation, overwritten bytes, most in the header) must give a record or an
    /// <see cref="EcgFormatException"/>: never another exception, never a hang.
    /// </summary>
    [Fact]
    public void Damaged_images_give_a_record_or_a_format_error()
    {
        var original = File.ReadAllBytes(TestData.File("cardiac-patients", "normal", "Normal(1).jpg"));
        var random = new Random(1212);
        var reader = new PrintoutImageReader();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            var mutant = Mutate(original, random);
            try
            {
                reader.Read(EcgSource.FromStream(new MemoryStream(mutant), "mutant.jpg"), EcgReadOptions.Default);
                outcomes["record"] = outcomes.GetValueOrDefault("record") + 1;
            }
            catch (EcgFormatException error)
            {
                Assert.StartsWith("mutant.jpg", error.Message, StringComparison.Ordinal);
                outcomes["error"] = outcomes.GetValueOrDefault("error") + 1;
            }
        }

        Assert.True(outcomes.GetValueOrDefault("error") > 0, string.Join(", ", outcomes));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        if (random.Next(3) == 0)
        {
            return original[..random.Next(original.Length)];
        }

        var mutant = (byte[])original.Clone();
        for (var n = random.Next(1, 12); n > 0; n--)
        {
            mutant[random.Next(random.Next(2) == 0 ? Math.Min(mutant.Length, 700) : mutant.Length)] = (byte)random.Next(256);
        }

        return mutant;
    }
}
