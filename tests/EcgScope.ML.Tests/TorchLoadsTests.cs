using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

public sealed class TorchLoadsTests
{
    [Fact]
    public void Libtorch_loads_and_computes()
    {
        using var sum = ones(2).sum();
        Assert.Equal(2f, sum.item<float>());
    }
}
