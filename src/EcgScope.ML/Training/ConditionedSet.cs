using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;

namespace EcgScope.ML.Training;

/// <summary>
/// A labelled dataset read and conditioned (leads picked, resampled, filtered) once and held in memory, so epochs cut
/// their windows from it without touching the files again.
/// </summary>
public sealed class ConditionedSet
{
    private ConditionedSet(IReadOnlyList<LabelledRecord> records, EcgRecord[] conditioned)
    {
        Records = records;
        Conditioned = conditioned;
    }

    /// <summary>The records, in the dataset's order.</summary>
    public IReadOnlyList<LabelledRecord> Records { get; }

    /// <summary>Each record conditioned for the model's input.</summary>
    public IReadOnlyList<EcgRecord> Conditioned { get; }

    /// <summary>Reads and conditions every record on all cores; a record that cannot be read stops the load with its error.</summary>
    public static ConditionedSet Load(
        IReadOnlyList<LabelledRecord> records, InputSpec spec, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var conditioned = new EcgRecord[records.Count];
        var done = 0;
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            conditioned[i] = InputPreparer.Condition(EcgFile.Read(records[i].Path), spec);
            var completed = Interlocked.Increment(ref done);
            if (completed % 500 == 0 || completed == records.Count)
            {
                progress?.Report(new WorkProgress(completed, records.Count, records[i].Name));
            }
        });
        return new ConditionedSet(records, conditioned);
    }
}
