using EcgScope.Core;
using EcgScope.Signal.Detection;

namespace EcgScope.Signal.Tests.Detection;

public sealed class LeadFusionTests
{
    private static readonly SamplingRate Rate = new(500);

    [Fact]
    public void A_beat_half_the_leads_found_is_kept_at_their_median_and_a_spike_in_one_lead_is_not()
    {
        int[][] perLead =
        [
            [1000, 1500, 1700, 2000],   // 1700: a spike seen in this lead only
            [1010, 1490, 2020],
            [1030, 2010],              // misses the beat at 1500
            [1020, 1495, 2005],
        ];

        var fused = LeadFusion.Fuse(perLead, Rate);

        Assert.Equal([1020, 1495, 2010], fused);
    }

    [Fact]
    public void Detections_further_apart_than_the_window_are_different_beats()
    {
        // 75 ms at 500 Hz is 38 samples (rounded): 1000 and 1040 are two beats, neither found by half the leads.
        int[][] perLead = [[1000], [1040], [1000], [1040]];

        Assert.Equal([1000, 1040], LeadFusion.Fuse(perLead, Rate));
        Assert.Equal([1000], LeadFusion.Fuse([[1000], [1040], [1000]], Rate));
        Assert.Empty(LeadFusion.Fuse([], Rate));
    }
}
