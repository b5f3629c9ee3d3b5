using System.Numerics;
using EcgScope.Core;
using EcgScope.Signal.Spectral;
using static EcgScope.Signal.Tests.SignalHelpers;

namespace EcgScope.Signal.Tests;

public class SpectralTests
{
    [Fact]
    public void Fft_matches_the_direct_dft()
    {
        var random = new Random(3);
        var data = Enumerable.Range(0, 64).Select(_ => new Complex(random.NextDouble(), random.NextDouble())).ToArray();
        var expected = Enumerable.Range(0, 64).Select(k =>
            data.Select((x, n) => x * Complex.FromPolarCoordinates(1, -2 * Math.PI * k * n / 64)).Aggregate(Complex.Zero, (a, b) => a + b)).ToArray();

        Fft.Forward(data);

        for (var k = 0; k < 64; k++)
        {
            Assert.True((data[k] - expected[k]).Magnitude < 1e-9);
        }
    }

    [Fact]
    public void Welch_band_power_of_a_sine_is_half_its_squared_amplitude()
    {
        var spectrum = PowerSpectrum.Welch(Sine(36000, 10, 360, amplitude: 2), new SamplingRate(360));

        Assert.Equal(2.0, spectrum.BandPower(9, 11), 2);
        Assert.True(spectrum.BandPower(20, 180) < 1e-4);
    }
}
