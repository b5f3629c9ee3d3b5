using System.Collections.Immutable;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// The convolution stages the 2-D CNNs share: a strided 5×5 stem, then 3×3 stages, each convolution bias-free with
/// batch norm and ReLU, and all but the last followed by 2×2 max pooling.
/// </summary>
internal static class ConvStages2d
{
    /// <summary>The convolutions and batch norms of stages of <paramref name="widths"/> channels over <paramref name="inputChannels"/>.</summary>
    public static (ModuleList<Conv2d> Convolutions, ModuleList<BatchNorm2d> Norms) Create(int inputChannels, ImmutableArray<int> widths)
    {
        var convolutions = new List<Conv2d>();
        var norms = new List<BatchNorm2d>();
        var channels = inputChannels;
        for (var stage = 0; stage < widths.Length; stage++)
        {
            var (kernel, stride) = stage == 0 ? (5, 2) : (3, 1);
            convolutions.Add(Conv2d(channels, widths[stage], kernel, stride: stride, padding: kernel / 2, bias: false));
            norms.Add(BatchNorm2d(widths[stage]));
            channels = widths[stage];
        }

        return (ModuleList([.. convolutions]), ModuleList([.. norms]));
    }

    /// <summary>Runs <paramref name="input"/> through the stages.</summary>
    public static Tensor Forward(ModuleList<Conv2d> convolutions, ModuleList<BatchNorm2d> norms, Tensor input)
    {
        var x = input;
        for (var stage = 0; stage < convolutions.Count; stage++)
        {
            x = functional.relu(norms[stage].forward(convolutions[stage].forward(x)));
            if (stage < convolutions.Count - 1)
            {
                x = functional.max_pool2d(x, 2, 2);
            }
        }

        return x;
    }
}
