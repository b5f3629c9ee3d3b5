using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace EcgScope.Formats.Pdf.Tests;

/// <summary>
/// The generator against the fact sheet of genuine exports (/work/shared/docs/apple-ecg-exports.md), checked with
/// PdfPig rather than with our reader, so that reader and generator cannot agree on a mistake of their own.
/// </summary>
public sealed class AppleEcgPdfGeneratorTests
{
    private static readonly byte[] Letter = AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = SyntheticEcg.Generate(15360), Symptoms = ["Fatigue"] });

    [Fact]
    public void File_is_one_page_pdf_1_3_from_quartz_with_one_flate_content_stream()
    {
        Assert.StartsWith("%PDF-1.3\n", Encoding.Latin1.GetString(Letter, 0, 9), StringComparison.Ordinal);
        using var document = PdfDocument.Open(Letter);
        Assert.Equal(1, document.NumberOfPages);
        Assert.Matches(@"^iOS Version 26\.3\.1 \(a\) \(Build \w+\) Quartz PDFContext$", document.Information.Producer);
        var page = document.GetPage(1);
        Assert.Equal((792, 612), (page.Width, page.Height));
        Assert.Equal(1, Count(Letter, "/FlateDecode"u8));
        Assert.InRange(Content(Letter).Length, 250_000, 500_000); // genuine: about 370 kB inflated
    }

    [Fact]
    public void Info_dictionary_follows_the_fonts_more_than_16_kB_before_the_end()
    {
        var info = Letter.AsSpan().LastIndexOf("/Producer ("u8);

        Assert.True(info > Letter.AsSpan().LastIndexOf("/Type /FontDescriptor"u8));
        Assert.True(info > Letter.AsSpan().LastIndexOf("/Type /Font "u8));
        Assert.InRange(Letter.Length - info, 16 * 1024 + 1, 24 * 1024); // genuine: 17 kB before the end of a 206 kB file
    }

    [Fact]
    public void First_strip_starts_with_the_grey_calibration_pulse()
    {
        using var document = PdfDocument.Open(Letter, new ParsingOptions { ClipPaths = false });

        var pulse = Assert.Single(document.GetPage(1).Paths, path => path.IsStroked && path.StrokeColor?.ToRGBValues() is (0.4, 0.4, 0.4));
        Assert.Equal(1, pulse.LineWidth);
        var points = pulse[0].Commands.Select(command => command is PdfSubpath.Move move ? move.Location : ((PdfSubpath.Line)command).To).ToList();
        var foot = points[0].Y;
        Assert.Equal([40, 45.6693, 45.6693, 59.84255, 59.84255, 65.51185], points.Select(point => Math.Round(point.X, 5)));
        Assert.Equal([0, 0, 28.3465, 28.3465, 0, 0], points.Select(point => Math.Round(point.Y - foot, 4)));
        Assert.Contains("0 0 m 5.6693 0 l 5.6693 -28.3465 l 19.84255 -28.3465 l 19.84255 0 l 25.51185 0 l S", Content(Letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Premature_beats_run_past_the_clip_in_the_path_values()
    {
        var beats = Enumerable.Range(0, 38).Select(beat => 0.3 + (beat * 0.78)).ToArray();
        var signal = SyntheticEcg.BeatTrain(15360, beats, negativeQrs: true, prematureSeconds: new HashSet<double> { beats[30] });
        using var document = PdfDocument.Open(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = signal }), new ParsingOptions { ClipPaths = false });

        var paths = document.GetPage(1).Paths;
        var lowestClip = paths.Where(path => path.IsClipping).Min(path => path.GetBoundingRectangle()!.Value.Bottom);
        var lastTrace = paths.Last(path => path.IsStroked && path.StrokeColor?.ToRGBValues() is (0.8039, 0.0392, 0.1255));
        var below = lastTrace.SelectMany(subpath => subpath.Commands).OfType<PdfSubpath.Line>().Count(line => line.To.Y < lowestClip);
        Assert.InRange(below, 10, 100); // the wide beat's trough, a few dozen samples under the strip's bottom edge
    }

    [Fact]
    public void A4_option_gives_an_a4_landscape_page()
    {
        using var document = PdfDocument.Open(AppleEcgPdfGenerator.Write(new AppleEcgPdfSpec { SignalMillivolts = new double[15360], A4 = true }));

        var page = document.GetPage(1);
        Assert.Equal((842, 595), (page.Width, page.Height));
    }

    [Fact]
    public void Strips_are_clipped_where_genuine_exports_clip_them()
    {
        using var document = PdfDocument.Open(Letter, new ParsingOptions { ClipPaths = false });

        var clips = document.GetPage(1).Paths.Where(path => path.IsClipping).Select(path => path.GetBoundingRectangle()!.Value).ToList();
        Assert.Equal([308, 203.4565, 98.9131], clips.Select(clip => clip.Bottom));
        Assert.All(clips, clip => Assert.Equal((40, 708.6667, 85), (clip.Left, Math.Round(clip.Width, 4), Math.Round(clip.Height, 4))));
        Assert.Contains("40 308 708.6667 85 re W n", Content(Letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_grid_line_is_its_own_half_point_grey_path()
    {
        using var document = PdfDocument.Open(Letter, new ParsingOptions { ClipPaths = false });

        var grid = document.GetPage(1).Paths.Where(path => path.IsStroked && path.StrokeColor?.ToRGBValues() is (0.9, 0.9, 0.9) or (0.8, 0.8, 0.8)).ToList();
        Assert.Equal(3 * (251 + 31), grid.Count);
        Assert.All(grid, path => Assert.Equal((1, 0.5), (path.Count, path.LineWidth)));
        Assert.Equal(3 * (51 + 7), grid.Count(path => path.StrokeColor!.ToRGBValues().r == 0.8));
    }

    [Fact]
    public void Trace_is_red_subpaths_of_128_points_chained_under_a_y_flip()
    {
        using var document = PdfDocument.Open(Letter, new ParsingOptions { ClipPaths = false });

        var traces = document.GetPage(1).Paths.Where(path => path.IsStroked && path.StrokeColor?.ToRGBValues() is (0.8039, 0.0392, 0.1255)).ToList();
        Assert.Equal(3, traces.Count);
        var pointsPerStrip = new List<int>();
        Assert.All(traces, trace => Assert.Equal(UglyToad.PdfPig.Graphics.Core.LineJoinStyle.Round, trace.LineJoinStyle));
        foreach (var trace in traces)
        {
            var points = 0;
            for (var i = 0; i < trace.Count; i++)
            {
                var commands = trace[i].Commands;
                Assert.IsType<PdfSubpath.Move>(commands[0]);
                Assert.All(commands.Skip(1), command => Assert.IsType<PdfSubpath.Line>(command));
                if (i < trace.Count - 1)
                {
                    Assert.Equal(128, commands.Count);
                }

                if (i > 0)
                {
                    Assert.Equal(((PdfSubpath.Line)trace[i - 1].Commands[^1]).To, ((PdfSubpath.Move)commands[0]).Location);
                }

                points += commands.Count - (i > 0 ? 1 : 0);
            }

            pointsPerStrip.Add(points);
            var first = trace[0].Commands;
            Assert.Equal(708.6667 / 5120, ((PdfSubpath.Line)first[1]).To.X - ((PdfSubpath.Move)first[0]).Location.X, 5);
        }

        // Strip 1 starts 185 steps in, after the calibration pulse: 4935 + 5120 + 5120 points in all.
        Assert.Equal([4935, 5120, 5120], pointsPerStrip);
        Assert.Equal(40 + 25.606, ((PdfSubpath.Move)traces[0][0].Commands[0]).Location.X, 3);
        Assert.Equal(40, ((PdfSubpath.Move)traces[1][0].Commands[0]).Location.X, 3);
        Assert.Matches(@"q 1 0 0 -1 40 395?\.?\d* cm 0\.8039 0\.0392 0\.1255 RG 1 j", Content(Letter));
    }

    [Fact]
    public void Path_values_have_at_most_seven_significant_digits()
    {
        var trace = Content(Letter).Split('\n').Where(line => line.EndsWith(" l", StringComparison.Ordinal)).Take(5000);

        Assert.All(trace.SelectMany(line => line[..^2].Split(' ')), number => Assert.InRange(number.Count(char.IsDigit), 1, 7));
    }

    [Fact]
    public void Words_are_split_across_text_objects_and_fonts()
    {
        using var document = PdfDocument.Open(Letter);

        var letters = document.GetPage(1).Letters;
        Assert.Contains(letters, letter => letter.Value == "\u202F");
        Assert.Contains(letters, letter => letter.Value == "\u2014");
        Assert.Contains(letters, letter => letter.Value == "\u2022");
        Assert.Contains("[(R) ", Content(Letter), StringComparison.Ordinal); // TJ array, one glyph per string, kerned
        Assert.Contains(letters, letter => letter.FontName == "Helvetica-Bold" && letter.Value == "S"); // "Sinus Rhythm" in bold
    }

    private static string Content(byte[] pdf)
    {
        var start = pdf.AsSpan().IndexOf("stream\n"u8) + 7;
        var end = pdf.AsSpan().IndexOf("\nendstream"u8);
        using var zlib = new ZLibStream(new MemoryStream(pdf[start..end]), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    private static int Count(byte[] data, ReadOnlySpan<byte> text)
    {
        var count = 0;
        for (var span = data.AsSpan(); span.IndexOf(text) is var index and >= 0; span = span[(index + text.Length)..])
        {
            count++;
        }

        return count;
    }
}
