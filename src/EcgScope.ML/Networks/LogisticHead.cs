using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Networks;

/// <summary>
/// Multinomial logistic regression on standardised features: (x − mean) / scale, then one linear layer to the
/// logits. The mean and scale are those of the training rows, kept in the module so the exported model applies them.
/// </summary>
public sealed class LogisticHead : Module<Tensor, Tensor>
{
    /// <summary>A head over as many features as <paramref name="mean"/> has and <paramref name="classes"/> outputs, standardised by <paramref name="mean"/> and <paramref name="scale"/>.</summary>
    public LogisticHead(float[] mean, float[] scale, int classes) : base(nameof(LogisticHead))
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(scale);
        Mean = tensor(mean);
        Scale = tensor(scale);
        Linear = nn.Linear(mean.Length, classes);
        RegisterComponents();
    }

    /// <summary>The training rows' mean of each feature.</summary>
    public Tensor Mean { get; }

    /// <summary>The training rows' standard deviation of each feature (1 where a feature never varies).</summary>
    public Tensor Scale { get; }

    /// <summary>The linear layer on the standardised features.</summary>
    public Linear Linear { get; }

    /// <summary>The mean and scale of each feature over <paramref name="rows"/>.</summary>
    public static (float[] Mean, float[] Scale) Standardisation(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var width = rows[0].Length;
        var mean = new float[width];
        var scale = new float[width];
        for (var j = 0; j < width; j++)
        {
            var m = rows.Average(row => (double)row[j]);
            var sd = Math.Sqrt(rows.Average(row => (row[j] - m) * (row[j] - m)));
            mean[j] = (float)m;
            scale[j] = sd > 1e-6 ? (float)sd : 1f;
        }

        return (mean, scale);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Linear.forward((input - Mean) / Scale).MoveToOuterDisposeScope();
    }
}
