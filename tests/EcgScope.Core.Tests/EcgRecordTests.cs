using System.Collections.Immutable;

namespace EcgScope.Core.Tests;

public sealed class EcgRecordTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Sampling_rate_rejects_values_that_are_not_positive_and_finite(double hertz) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SamplingRate(hertz));

    [Fact]
    public void Sampling_rate_converts_between_samples_and_seconds()
    {
        var rate = new SamplingRate(360);
        Assert.Equal(2.5, rate.SecondsAt(900), 12);
        Assert.Equal(54, rate.SamplesIn(0.15));
        Assert.Equal("512.508 Hz", new SamplingRate(512.508).ToString());
    }

    [Fact]
    public void Record_rejects_leads_of_different_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => new EcgRecord(
            [EcgLead.FromOwnedArray("I", new double[10]), EcgLead.FromOwnedArray("II", new double[9])],
            new SamplingRate(100)));
        Assert.Contains("'II' has 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_reports_duration_and_finds_leads_by_name()
    {
        var record = new EcgRecord([EcgLead.FromOwnedArray("MLII", new double[3600])], new SamplingRate(360));
        Assert.Equal(10.0, record.DurationSeconds, 12);
        Assert.Same(record.Leads[0], record.FindLead("mlii"));
        Assert.Null(record.FindLead("V5"));
    }

    [Fact]
    public void Changing_the_rate_moves_annotations_to_the_same_moment()
    {
        var record = new EcgRecord([EcgLead.FromOwnedArray("I", new double[1000])], new SamplingRate(500))
        {
            Annotations = [new Annotation(250, AnnotationCode.Normal)],
        };
        var resampled = record.WithLeads([EcgLead.FromOwnedArray("I", new double[200])], new SamplingRate(100));
        Assert.Equal(50, resampled.Annotations[0].SampleIndex);
        Assert.Equal(250, record.Annotations[0].SampleIndex);
    }

    [Fact]
    public void Leads_are_immutable_views()
    {
        var lead = new EcgLead("I", ImmutableArray.Create(1.0, 2.0));
        Assert.Equal(2, lead.Span.Length);
        Assert.Throws<ArgumentException>(() => new EcgLead("I", default));
        Assert.Throws<ArgumentException>(() => new EcgLead(" ", [1.0]));
    }

    [Fact]
    public void Rescaled_annotations_stay_inside_the_record()
    {
        var record = new EcgRecord([EcgLead.FromOwnedArray("I", new double[1000])], new SamplingRate(360))
        {
            Annotations = [new Annotation(500, AnnotationCode.Normal), new Annotation(999, AnnotationCode.Normal)],
        };

        var resampled = record.WithLeads([EcgLead.FromOwnedArray("I", new double[278])], new SamplingRate(100));

        Assert.Equal([139, 277], resampled.Annotations.Select(a => a.SampleIndex));
    }

    [Fact]
    public void Annotations_after_the_end_of_a_shorter_record_are_dropped()
    {
        var record = new EcgRecord([EcgLead.FromOwnedArray("I", new double[1000])], new SamplingRate(100))
        {
            Annotations = [new Annotation(100, AnnotationCode.Normal), new Annotation(900, AnnotationCode.Normal)],
        };

        var cut = record.WithLeads([EcgLead.FromOwnedArray("I", new double[500])], new SamplingRate(100));

        Assert.Equal([100], cut.Annotations.Select(a => a.SampleIndex));
        Assert.Equal(2, record.Annotations.Length);
    }
}
