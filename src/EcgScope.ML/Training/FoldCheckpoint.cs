using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcgScope.ML.Training;

/// <summary>One epoch's figures in a training run.</summary>
public sealed record EpochRecord(int Epoch, double TrainingLoss, double ValidationLoss, double ValidationScore, double Seconds);

/// <summary>
/// The resumable state of one fold's training, kept as <c>state.json</c> beside the weights: epochs done, the best epoch
/// so far and every epoch's figures. Written after the weights, through a temporary file, so a stop at any moment
/// leaves a state that matches weights on disk.
/// </summary>
public sealed record FoldCheckpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Epochs completed.</summary>
    public int EpochsDone { get; init; }

    /// <summary>The epoch whose weights are in <c>best.weights</c> (0 before the first).</summary>
    public int BestEpoch { get; init; }

    /// <summary>The validation score of <see cref="BestEpoch"/>.</summary>
    public double BestScore { get; init; } = double.NegativeInfinity;

    /// <summary>Every completed epoch.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];

    /// <summary>Seconds spent in the completed epochs (training and validation).</summary>
    [JsonIgnore]
    public double TrainingSeconds => History.Sum(e => e.Seconds);

    /// <summary>The options the run was trained with (null for a fresh folder): a run resumes only with the same ones.</summary>
    public TrainingRecipe? Recipe { get; init; }

    /// <summary>The state in <paramref name="directory"/>, or a fresh one.</summary>
    public static FoldCheckpoint Read(string directory)
    {
        var path = Path.Combine(directory, "state.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<FoldCheckpoint>(File.ReadAllText(path), Json) ?? new() : new();
    }

    /// <summary>Writes the state into <paramref name="directory"/>.</summary>
    public void Write(string directory)
    {
        var path = Path.Combine(directory, "state.json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
