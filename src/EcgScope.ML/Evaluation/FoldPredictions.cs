using System.Globalization;
using System.Text;

namespace EcgScope.ML.Evaluation;

/// <summary>One record's prediction in a cross-validation: its label and the model's logits.</summary>
public sealed record RecordPrediction(string Record, int Label, double[] Logits);

/// <summary>
/// What one cross-validation fold predicted: its validation records (from the training part, for calibration and
/// thresholds) and its test records (the fold itself, never seen in training), as the CSV files the trainer writes.
/// </summary>
public sealed record FoldPredictions(int Fold, IReadOnlyList<RecordPrediction> Validation, IReadOnlyList<RecordPrediction> Test)
{
    /// <summary>Every finished fold under <paramref name="directory"/> (<c>fold1</c>, <c>fold2</c>, …), in order.</summary>
    public static IReadOnlyList<FoldPredictions> ReadAll(string directory)
    {
        var folds = new List<FoldPredictions>();
        for (var fold = 1; File.Exists(Path.Combine(directory, $"fold{fold}", "test.csv")); fold++)
        {
            var folder = Path.Combine(directory, $"fold{fold}");
            folds.Add(new FoldPredictions(fold, ReadCsv(Path.Combine(folder, "validation.csv")), ReadCsv(Path.Combine(folder, "test.csv"))));
        }

        return folds;
    }

    /// <summary>Writes a <c>record,label,logit0,…</c> file (through a temporary file, so a stop never leaves half of one).</summary>
    public static void WriteCsv(string path, IReadOnlyList<RecordPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var text = new StringBuilder("record,label");
        for (var c = 0; c < predictions[0].Logits.Length; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $",logit{c}");
        }

        text.AppendLine();
        foreach (var prediction in predictions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{prediction.Record},{prediction.Label}");
            foreach (var z in prediction.Logits)
            {
                text.Append(CultureInfo.InvariantCulture, $",{(float)z:R}");
            }

            text.AppendLine();
        }

        File.WriteAllText(path + ".tmp", text.ToString());
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Reads a <c>record,label,logit0,…</c> file.</summary>
    public static IReadOnlyList<RecordPrediction> ReadCsv(string path)
    {
        var rows = new List<RecordPrediction>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            rows.Add(new RecordPrediction(
                fields[0],
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                [.. fields.Skip(2).Select(field => double.Parse(field, CultureInfo.InvariantCulture))]));
        }

        return rows;
    }
}
