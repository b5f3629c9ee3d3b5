using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

/// <summary>A tiny libtorch computation: proves the native library loads and runs (the sum of two ones).</summary>
internal static class Probe
{
    public static float Sum()
    {
        using var ones = TorchSharp.torch.ones(2, dtype: ScalarType.Float32);
        using var sum = ones.sum();
        return sum.item<float>();
    }
}
