using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgScope.ML.Tests;

/// <summary>Gives a fresh network what a trained one has and a fresh one lacks, so that an export that mishandles it shows.</summary>
internal static class TrainedLooking
{
    /// <summary>
    /// Sets every batch norm's scale and shift away from 1 and 0 and the head's weights to a unit normal (a fresh head gives
    /// logits near 0, whose softmax hides differences), then runs <paramref name="passes"/> forward passes of
    /// <paramref name="batch"/> in train mode to move the running means and variances off 0 and 1; leaves the network in
    /// eval mode.
    /// </summary>
    public static void Prepare(nn.Module<Tensor, Tensor> network, Linear head, Func<Tensor> batch, int passes)
    {
        using (var noGrad = no_grad())
        {
            foreach (var module in network.modules())
            {
                var (scale, shift) = module switch
                {
                    BatchNorm1d norm => (norm.weight, norm.bias),
                    BatchNorm2d norm => (norm.weight, norm.bias),
                    _ => (null, null),
                };
                scale?.uniform_(0.5, 1.5);
                shift?.uniform_(-0.5, 0.5);
            }

            head.weight!.normal_(0, 1);
        }

        network.train();
        for (var pass = 0; pass < passes; pass++)
        {
            using var scope = NewDisposeScope();
            network.forward(batch());
        }

        network.eval();
    }
}
