using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Imaging.Layout;
using EcgScope.Testing;

namespace EcgScope.Imaging.Tests;

/// <summary>Records to render: a real PTB-XL one and synthetic ones whose every sample is known.</summary>
internal static class TestRecords
{
    /// <summary>PTB-XL 00001 at 500 Hz, 10 s of the twelve standard leads.</summary>
    public static EcgRecord PtbXl() => EcgFile.Read(TestData.File("ptbxl", "records500", "00000", "00001_hr.hea"));

    /// <summary>
    /// Twelve leads of 10 s at 500 Hz at 0 mV, except a 1 mV step 1.0 to 1.2 s into every 2.5 s quarter, so every
    /// panel of every layout shows one 1.0 s after its start.
    /// </summary>
    public static EcgRecord Pulses()
    {
        var rate = new SamplingRate(500);
        var samples = new double[5000];
        for (var i = 0; i < samples.Length; i++)
        {
            var secondsIntoQuarter = (i / rate.Hertz) % 2.5;
            samples[i] = secondsIntoQuarter is >= 1.0 and < 1.2 ? 1 : 0;
        }

        return new EcgRecord([.. PrintoutLayout.TwelveLeads.Select(name => new EcgLead(name, [.. samples]))], rate);
    }

    /// <summary>Twelve flat leads, so nothing but the baselines crosses the grid.</summary>
    public static EcgRecord Flat() =>
        new([.. PrintoutLayout.TwelveLeads.Select(name => new EcgLead(name, ImmutableArray.Create(new double[5000])))], new SamplingRate(500));
}
