using EcgScope.Imaging.Footer;
using EcgScope.Testing;
using OpenCvSharp;

namespace EcgScope.Imaging.Tests;

/// <summary>The footer reader on genuine printouts whose printed rate was read by eye (<see cref="GenuineFooters"/>).</summary>
public sealed class PrintedHeartRateReaderTests(ITestOutputHelper output)
{
    [Fact]
    public void The_held_out_footers_are_read_as_read_by_eye()
    {
        var reads = GenuineFooters.HeldOut.Select(footer => (footer.Copy, footer.PrintedBpm, Read(TestData.File("cardiac-patients", footer.Copy)))).ToList();

        foreach (var (copy, printed, read) in reads)
        {
            output.WriteLine($"{copy}: by eye {printed}, read {read.Bpm?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? read.Reason} (lowest digit match {read.LowestDigitMatch:0.00}, margin {read.LowestDigitMargin:0.00})");
        }

        output.WriteLine($"held out: {reads.Count(read => read.Item3.Bpm == read.PrintedBpm)} of {reads.Count} read right");
        Assert.All(reads, read => Assert.Equal(read.PrintedBpm, read.Item3.Bpm));
    }

    [Fact]
    public void The_copies_of_the_full_resolution_pages_and_the_pages_themselves_are_read()
    {
        foreach (var (page, copy, printed) in GenuineFooters.FullResolution)
        {
            Assert.Equal(printed, Read(TestData.File("cardiac-patients", copy)).Bpm);
            Assert.Equal(printed, Read(TestData.File("images", "cardiac-patients", page)).Bpm);
        }
    }

    [Fact]
    public void The_template_pages_are_read_and_the_glyphs_are_the_mean_of_their_footers()
    {
        var digitSums = Enumerable.Range(0, 10).Select(_ => new Mat(8, 5, MatType.CV_32FC1, Scalar.All(0))).ToArray();
        var digitCounts = new int[10];
        using var heartSum = new Mat(8, 8, MatType.CV_32FC1, Scalar.All(0));
        foreach (var (copy, printed) in GenuineFooters.TemplatePages)
        {
            using var image = Cv2.ImRead(TestData.File("cardiac-patients", copy), ImreadModes.Grayscale);
            Assert.Equal(printed, PrintedHeartRateReader.Read(image).Bpm);
            using var page = PrintedHeartRateReader.ReferenceGrey(image);
            var (heart, _) = PrintedHeartRateReader.FindHeart(page);
            Cv2.Add(heartSum, new Mat(page, new Rect(heart.X, heart.Y, 8, 8)), heartSum);
            var digits = printed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var position = 0; position < digits.Length; position++)
            {
                var digit = digits[position] - '0';
                var corner = new Point(heart.X + FooterGlyphs.FirstDigitOffset + (position * FooterGlyphs.DigitPitch), heart.Y);
                Cv2.Add(digitSums[digit], new Mat(page, new Rect(corner.X, corner.Y, 5, 8)), digitSums[digit]);
                digitCounts[digit]++;
            }
        }

        AssertArtIsMean(FooterGlyphs.HeartArt, heartSum, GenuineFooters.TemplatePages.Length);
        for (var digit = 0; digit < 10; digit++)
        {
            AssertArtIsMean(FooterGlyphs.DigitArt[digit], digitSums[digit], digitCounts[digit]);
            digitSums[digit].Dispose();
        }
    }

    [Fact]
    public void A_page_with_its_footer_cut_away_gives_no_rate_and_says_why()
    {
        using var image = Cv2.ImRead(TestData.File("cardiac-patients", "normal", "Normal(1).jpg"));
        // Row 606 is the grid's lower edge; the footer's text lies in rows 615 to 621.
        using var withoutFooter = new Mat(image, new Rect(0, 0, image.Width, 608));

        var read = PrintedHeartRateReader.Read(withoutFooter);

        Assert.Null(read.Bpm);
        Assert.StartsWith("no heart symbol in the footer", read.Reason, StringComparison.Ordinal);
        Assert.InRange(read.HeartMatch, -1, PrintedHeartRateReader.MinimumHeartMatch);
    }

    [Fact]
    public void A_footer_with_its_digits_blanked_gives_no_rate_and_says_why()
    {
        using var image = Cv2.ImRead(TestData.File("cardiac-patients", "normal", "Normal(1).jpg"));
        // The heart symbol of this copy spans columns 220 to 225; its rate "77" columns 226 to 234.
        image.Rectangle(new Rect(226, 612, 12, 12), Scalar.White, -1);

        var read = PrintedHeartRateReader.Read(image);

        Assert.Null(read.Bpm);
        Assert.Equal("no digits after the heart symbol", read.Reason);
    }

    [Theory]
    [InlineData(40, 885)]
    [InlineData(3000, 2)]
    public void An_image_not_shaped_like_a_page_gives_no_rate(int rows, int columns)
    {
        using var image = new Mat(rows, columns, MatType.CV_8UC3, Scalar.White);

        var read = PrintedHeartRateReader.Read(image);

        Assert.Null(read.Bpm);
        Assert.Contains("not the shape of a printout page with a footer", read.Reason, StringComparison.Ordinal);
    }

    private static PrintedHeartRate Read(string path) => PrintedHeartRateReader.Read(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Each stored glyph pixel within half a step (8.5 grey levels) of the mean it was rounded from.</summary>
    private static void AssertArtIsMean(string[] art, Mat sum, int count)
    {
        using var stored = FooterGlyphs.ToMat(art);
        using var meanExpression = sum / count;
        using var mean = meanExpression.ToMat();
        using var difference = new Mat();
        Cv2.Absdiff(mean, stored, difference);
        Cv2.MinMaxLoc(difference, out _, out double largest);
        Assert.InRange(largest, 0, 8.5);
    }
}
