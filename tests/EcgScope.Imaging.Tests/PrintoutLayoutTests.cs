using EcgScope.Imaging.Layout;

namespace EcgScope.Imaging.Tests;

public sealed class PrintoutLayoutTests
{
    [Theory]
    [InlineData(LeadArrangement.ThreeByFourWithRhythm, 13, 2.5)]
    [InlineData(LeadArrangement.SixByTwo, 12, 5)]
    [InlineData(LeadArrangement.TwelveByOne, 12, 10)]
    public void Each_arrangement_prints_every_lead_once_over_its_share_of_the_recording(LeadArrangement arrangement, int panels, double seconds)
    {
        var layout = PrintoutLayout.Standard(arrangement, PaperScale.Standard);

        Assert.Equal(panels, layout.Panels.Length);
        Assert.Equal(PrintoutLayout.TwelveLeads.Order(StringComparer.Ordinal), layout.Panels.Take(12).Select(panel => panel.Lead).Order(StringComparer.Ordinal));
        Assert.All(layout.Panels.Take(12), panel => Assert.Equal(seconds, panel.DurationSeconds));
        Assert.All(layout.Panels, panel => Assert.InRange(panel.LeftMillimeters + panel.WidthMillimeters(layout.Scale), 0, layout.GridWidthMillimeters));
        Assert.All(layout.Panels, panel => Assert.InRange(panel.BaselineMillimeters, 0, layout.GridHeightMillimeters));
    }

    [Fact]
    public void The_three_by_four_layout_reads_columns_of_limb_augmented_and_chest_leads_above_a_rhythm_strip()
    {
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, new PaperScale(25, 10));

        Assert.Equal(["I", "aVR", "V1", "V4", "II", "aVL", "V2", "V5", "III", "aVF", "V3", "V6", "II"], layout.Panels.Select(panel => panel.Lead));
        var rhythm = layout.Panels[^1];
        Assert.Equal((0, 10, 250), (rhythm.StartSeconds, rhythm.DurationSeconds, rhythm.WidthMillimeters(layout.Scale)));
        Assert.Equal(layout.Panels[4].LeftMillimeters + 62.5, layout.Panels[5].LeftMillimeters);
    }

    [Theory]
    [InlineData(25, 10)]
    [InlineData(50, 15)]
    public void The_calibration_margin_leaves_room_either_side_of_the_200_ms_pulse(double speed, double margin)
    {
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, new PaperScale(speed, 10));

        Assert.Equal(margin, layout.Panels[0].LeftMillimeters);
        Assert.True(layout.Panels[0].LeftMillimeters - (0.2 * speed) >= 5, "the pulse must not touch the trace");
    }

    [Fact]
    public void A_higher_gain_gives_taller_rows()
    {
        var standard = PrintoutLayout.Standard(LeadArrangement.SixByTwo, PaperScale.Standard);
        var doubled = PrintoutLayout.Standard(LeadArrangement.SixByTwo, new PaperScale(25, 20));

        Assert.Equal(2 * standard.Panels[0].HeightMillimeters, doubled.Panels[0].HeightMillimeters);
    }
}
