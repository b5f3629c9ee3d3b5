using EcgScope.Imaging.Layout;
using EcgScope.Imaging.Rendering;

namespace EcgScope.Imaging.Tests.Rendering;

public sealed class PrintoutRendererTests
{
    [Fact]
    public void A_ptbxl_trace_lies_where_the_ground_truth_puts_it_within_a_pixel()
    {
        var record = TestRecords.PtbXl();
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard);
        using var printout = PrintoutRenderer.Render(record, layout);
        var probe = new PixelProbe(printout.Image);
        var truth = printout.Truth;
        var checkedFlat = 0;
        foreach (var panel in layout.Panels)
        {
            var samples = truth.Record.FindLead(panel.Lead)!.Span;
            var (first, end) = PrintedRecord.SampleRange(panel, truth.Record.SamplingRate, truth.Record.SampleCount);

            // Clear of the calibration pulse's and separator's strokes at the panel's ends.
            for (var i = first + 10; i < end - 10; i += 7)
            {
                var (x, y) = truth.ImagePoint(panel, i / 500.0, samples[i]);
                var column = (int)Math.Round(x);
                Assert.True(probe.DistanceToInk(column, y, reach: 1) is not null, $"{panel.Lead} at sample {i}: no ink within 1 px of ({x:0.0}, {y:0.0}).");

                // Where the trace runs flat (within 0.03 mV, a quarter of a millimetre, over the 12 samples around the
                // column), the pen's stroke is centred on the true value.
                var around = samples[(i - 6)..(i + 7)].ToArray();
                if (around.Max() - around.Min() < 0.03)
                {
                    var centre = probe.NearestRunCentre(column, y, reach: 3);
                    Assert.NotNull(centre);
                    Assert.True(Math.Abs(centre.Value - y) <= 1, $"{panel.Lead} at sample {i}: stroke centred at {centre.Value} for {y:0.0}.");
                    checkedFlat++;
                }
            }
        }

        Assert.True(checkedFlat > 200, $"only {checkedFlat} flat points checked");
    }

    [Theory]
    [InlineData(GridStyle.Red, 200)]
    [InlineData(GridStyle.Grey, 300)]
    [InlineData(GridStyle.Blue, 150)]
    [InlineData(GridStyle.Dots, 200)]
    [InlineData(GridStyle.Green, 250)]
    public void The_grid_repeats_every_dpi_over_25_4_pixels(GridStyle grid, double dpi)
    {
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard);
        using var printout = PrintoutRenderer.Render(TestRecords.Flat(), layout, new PrintoutOptions { Grid = grid, DotsPerInch = dpi });
        var probe = new PixelProbe(printout.Image);
        var (left, top) = printout.Truth.GridTopLeft;
        var right = printout.Truth.ImageFromPaper.Map(layout.GridWidthMillimeters, 0).X;

        // A row of the first 1 mm square (away from the flat traces on the baselines) crosses one vertical line per
        // millimetre; the dotted grid's dots lie on the crossings, so there the row of the first 1 mm line.
        var row = top + ((grid == GridStyle.Dots ? 1 : 0.5) * dpi / 25.4);
        var lines = probe.RunCentresAlongRow((int)Math.Round(row), (int)left, (int)right + 1, threshold: 254);

        Assert.Equal((int)layout.GridWidthMillimeters + 1, lines.Count);
        var slope = Slope(lines);
        Assert.InRange(slope, (dpi / 25.4) - 0.01, (dpi / 25.4) + 0.01);
        Assert.All(lines.Select((x, mm) => x - (left + (mm * dpi / 25.4))), error => Assert.InRange(error, -0.51, 0.51));
    }

    [Theory]
    [InlineData(LeadArrangement.ThreeByFourWithRhythm, 25, 10)]
    [InlineData(LeadArrangement.ThreeByFourWithRhythm, 50, 10)]
    [InlineData(LeadArrangement.SixByTwo, 25, 5)]
    [InlineData(LeadArrangement.SixByTwo, 25, 20)]
    [InlineData(LeadArrangement.TwelveByOne, 50, 20)]
    [InlineData(LeadArrangement.TwelveByOne, 25, 10)]
    public void Speed_gain_and_layout_place_a_one_millivolt_step_where_they_say(LeadArrangement arrangement, double speed, double gain)
    {
        var layout = PrintoutLayout.Standard(arrangement, new PaperScale(speed, gain));
        using var printout = PrintoutRenderer.Render(TestRecords.Pulses(), layout);
        var probe = new PixelProbe(printout.Image);
        var ppm = 200 / 25.4;

        Assert.InRange(printout.Image.Width, (layout.GridWidthMillimeters + 16) * ppm - 1, Math.Max(281, layout.GridWidthMillimeters + 16) * ppm + 1);
        foreach (var box in printout.Truth.PanelBoxes)
        {
            var panel = box.Panel;
            Assert.Equal(panel.DurationSeconds * speed * ppm, box.Width, 6);
            Assert.Equal(panel.HeightMillimeters * ppm, box.Height, 6);

            // Every panel shows a 1 mV step from 1.0 to 1.2 s after its start: on it the trace is gain mm above the baseline.
            var (stepX, stepY) = printout.Truth.ImagePoint(panel, panel.StartSeconds + 1.1, 1);
            var (flatX, flatY) = printout.Truth.ImagePoint(panel, panel.StartSeconds + 0.5, 0);
            Assert.Equal(gain * ppm, flatY - stepY, 6);
            Assert.InRange(probe.NearestRunCentre((int)Math.Round(stepX), stepY, reach: 2)!.Value - stepY, -1, 1);
            Assert.InRange(probe.NearestRunCentre((int)Math.Round(flatX), flatY, reach: 2)!.Value - flatY, -1, 1);

            // And nothing is drawn halfway up the step a little before it.
            var (beforeX, _) = printout.Truth.ImagePoint(panel, panel.StartSeconds + 0.9, 0);
            Assert.False(probe.IsDark((int)Math.Round(beforeX), (int)Math.Round((flatY + stepY) / 2)));
        }
    }

    [Fact]
    public void The_ground_truth_holds_each_lead_where_printed_and_nan_elsewhere()
    {
        var record = TestRecords.PtbXl();
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard);
        using var printout = PrintoutRenderer.Render(record, layout);
        var truth = printout.Truth.Record;

        Assert.Equal(PrintoutLayout.TwelveLeads, truth.LeadNames);
        Assert.Equal(record.SampleCount, truth.SampleCount);
        Assert.Equal(record.FindLead("II")!.SamplesMillivolts, truth.FindLead("II")!.SamplesMillivolts);
        var aVr = truth.FindLead("aVR")!.Span;
        Assert.True(double.IsNaN(aVr[1249]));
        Assert.Equal(record.FindLead("AVR")!.Span[1250..2500], aVr[1250..2500]);
        Assert.True(double.IsNaN(aVr[2500]));
        Assert.Equal(1250, Enumerable.Range(0, 5000).Count(i => !double.IsNaN(truth.FindLead("V6")!.Span[i])));
    }

    [Fact]
    public void A_recording_shorter_than_ten_seconds_prints_on_a_grid_rounded_up_to_whole_millimetres()
    {
        var pulses = TestRecords.Pulses();
        var short7 = pulses.WithLeads([.. pulses.Leads.Select(lead => new EcgScope.Core.EcgLead(lead.Name, lead.SamplesMillivolts[..3650]))], pulses.SamplingRate);
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard, seconds: 7.3);

        using var printout = PrintoutRenderer.Render(short7, layout);

        Assert.Equal(197.5, layout.GridWidthMillimeters);
        var probe = new PixelProbe(printout.Image);
        var (x, y) = printout.Truth.ImagePoint(layout.Panels[^1], 6.1, 1);
        Assert.InRange(probe.NearestRunCentre((int)Math.Round(x), y, reach: 2)!.Value - y, -1, 1);
        Assert.Equal(3650, printout.Truth.Record.SampleCount);
    }

    [Fact]
    public void A_record_without_the_twelve_leads_is_refused_naming_the_missing_one()
    {
        var record = TestRecords.Flat();
        var partial = new EcgScope.Core.EcgRecord([.. record.Leads.Where(lead => lead.Name != "V3")], record.SamplingRate);

        var error = Assert.Throws<ArgumentException>(() => PrintoutRenderer.Render(partial, PrintoutLayout.Standard(LeadArrangement.SixByTwo, PaperScale.Standard)));
        Assert.Contains("'V3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_to_png_of_the_genuine_page_size_at_200_dpi()
    {
        using var printout = PrintoutRenderer.Render(TestRecords.PtbXl(), PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard));

        Assert.Equal((2213, 1572), (printout.Image.Width, printout.Image.Height));
        var png = printout.EncodePng();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    private static double Slope(List<double> values)
    {
        var meanX = (values.Count - 1) / 2.0;
        var meanY = values.Average();
        var covariance = values.Select((y, x) => (x - meanX) * (y - meanY)).Sum();
        var variance = values.Select((_, x) => (x - meanX) * (x - meanX)).Sum();
        return covariance / variance;
    }
}
