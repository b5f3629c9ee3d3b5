namespace EcgScope.ML.Tests;

public sealed class TorchLoadsTests
{
    [Fact]
    public void Libtorch_loads_and_computes()
    {
        Assert.Equal(2f, Probe.Sum());
    }
}
