using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Testing;

namespace EcgScope.Signal.Tests;

/// <summary>MIT-BIH records through the product's WFDB reader, shaped for the signal tests.</summary>
internal static class MitBih
{
    public static (double[] FirstLead, (int Sample, AnnotationCode Code)[] Beats, SamplingRate Rate) Read(string record)
    {
        var read = EcgFile.Read(TestData.File("mitdb", record + ".hea"));
        var beats = read.Annotations.Where(a => a.IsBeat).Select(a => (a.SampleIndex, a.Code)).ToArray();
        return (read.Leads[0].Span.ToArray(), beats, read.SamplingRate);
    }
}
