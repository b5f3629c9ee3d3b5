using EcgScope.Core;

namespace EcgScope.Formats.Tests;

/// <summary>Asserts that two reads of one file gave the same record: leads bit for bit, rate, start, metadata, annotations.</summary>
internal static class RecordAssert
{
    public static void Equal(EcgRecord expected, EcgRecord actual)
    {
        Assert.Equal(expected.SamplingRate, actual.SamplingRate);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.LeadNames, actual.LeadNames);
        for (var i = 0; i < expected.Leads.Length; i++)
        {
            Assert.Equal(Bits(expected.Leads[i].Span), Bits(actual.Leads[i].Span));
        }

        var (left, right) = (expected.Metadata, actual.Metadata);
        Assert.Equal(left.SourceFormat, right.SourceFormat);
        Assert.Equal(left.Device, right.Device);
        Assert.Equal(left.Software, right.Software);
        Assert.Equal(left.DeviceClassification, right.DeviceClassification);
        Assert.Equal(left.Comments, right.Comments);
        Assert.Equal(left.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), right.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Annotations, actual.Annotations);
    }

    private static long[] Bits(ReadOnlySpan<double> samples)
    {
        var bits = new long[samples.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(samples[i]);
        }

        return bits;
    }
}
