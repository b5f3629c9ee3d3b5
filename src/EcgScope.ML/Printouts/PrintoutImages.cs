using EcgScope.Imaging.Classification;
using EcgScope.Inference.Models;
using EcgScope.ML.Datasets;
using EcgScope.ML.Training;
using OpenCvSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Printouts;

/// <summary>
/// Printout images as training input: each image's grid area decoded and resized once (<see cref="PrintoutPixels"/>,
/// exactly as serving does) and held in memory; training batches are augmented copies, evaluation uses the images as
/// they are.
/// </summary>
public sealed class PrintoutImages : ITrainingInputs, IDisposable
{
    private readonly Mat[] areas;
    private readonly ImageInputSpec spec;
    private readonly PrintoutAugmentation augmentation;

    private PrintoutImages(IReadOnlyList<LabelledRecord> records, Mat[] areas, ImageInputSpec spec, PrintoutAugmentation augmentation)
    {
        Records = records;
        this.areas = areas;
        this.spec = spec;
        this.augmentation = augmentation;
    }

    /// <inheritdoc />
    public IReadOnlyList<LabelledRecord> Records { get; }

    /// <summary>Reads every image of <paramref name="records"/> on all cores and keeps its grid area at the spec's size.</summary>
    public static PrintoutImages Load(IReadOnlyList<LabelledRecord> records, ImageInputSpec spec, PrintoutAugmentation augmentation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var areas = new Mat[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            using var image = PrintoutPixels.Read(records[i].Path);
            areas[i] = PrintoutPixels.GridArea(image, spec);
        });
        return new PrintoutImages(records, areas, spec, augmentation);
    }

    /// <inheritdoc />
    public Tensor RandomBatch(IReadOnlyList<int> members, Random random)
    {
        ArgumentNullException.ThrowIfNull(members);
        var batch = new float[members.Count * spec.Length];
        for (var b = 0; b < members.Count; b++)
        {
            using var changed = augmentation.Apply(areas[members[b]], random);
            PrintoutPixels.Scale(changed, spec).CopyTo(batch, b * spec.Length);
        }

        return tensor(batch, Shape(members.Count));
    }

    /// <inheritdoc />
    public float[][] Logits(Module<Tensor, Tensor> network, IReadOnlyList<int> indices, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(indices);
        network.eval();
        var result = new List<float[]>(indices.Count);
        using (no_grad())
        {
            for (var start = 0; start < indices.Count; start += batchSize)
            {
                var count = Math.Min(batchSize, indices.Count - start);
                var batch = new float[count * spec.Length];
                for (var b = 0; b < count; b++)
                {
                    PrintoutPixels.Scale(areas[indices[start + b]], spec).CopyTo(batch, b * spec.Length);
                }

                using var scope = NewDisposeScope();
                var logits = network.forward(tensor(batch, Shape(count))).data<float>().ToArray();
                var classes = logits.Length / count;
                result.AddRange(Enumerable.Range(0, count).Select(b => logits.AsSpan(b * classes, classes).ToArray()));
            }
        }

        return [.. result];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var area in areas)
        {
            area.Dispose();
        }
    }

    private long[] Shape(int count) => [count, spec.Pixels == ImagePixels.InkGrey ? 1 : 3, spec.Height, spec.Width];
}
