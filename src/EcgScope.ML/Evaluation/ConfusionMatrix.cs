using System.Globalization;
using System.Text;

namespace EcgScope.ML.Evaluation;

/// <summary>
/// Counts of true class (rows) against predicted class (columns) over a set of records, and the per-class F1 the
/// CinC 2017 challenge scored: F1 = 2·TP / (row sum + column sum), as its <c>score2017.m</c> computes it.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    /// <summary>An empty matrix over <paramref name="classCount"/> classes (at least 2).</summary>
    public ConfusionMatrix(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        _counts = new int[classCount, classCount];
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount => _counts.GetLength(0);

    /// <summary>Number of records counted.</summary>
    public int Total { get; private set; }

    /// <summary>Records of true class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>The matrix of <paramref name="labels"/> against <paramref name="predictions"/> (class indices, equally many).</summary>
    public static ConfusionMatrix From(ReadOnlySpan<int> labels, ReadOnlySpan<int> predictions, int classCount)
    {
        if (labels.Length != predictions.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {predictions.Length} predictions.", nameof(predictions));
        }

        var matrix = new ConfusionMatrix(classCount);
        for (var i = 0; i < labels.Length; i++)
        {
            matrix.Add(labels[i], predictions[i]);
        }

        return matrix;
    }

    /// <summary>Counts one record.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A class index is outside 0 … <see cref="ClassCount"/>−1.</exception>
    public void Add(int actual, int predicted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(actual);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(actual, ClassCount);
        ArgumentOutOfRangeException.ThrowIfNegative(predicted);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predicted, ClassCount);
        _counts[actual, predicted]++;
        Total++;
    }

    /// <summary>Records whose true class is <paramref name="actual"/>.</summary>
    public int RowSum(int actual)
    {
        var sum = 0;
        for (var j = 0; j < ClassCount; j++)
        {
            sum += _counts[actual, j];
        }

        return sum;
    }

    /// <summary>Records predicted as <paramref name="predicted"/>.</summary>
    public int ColumnSum(int predicted)
    {
        var sum = 0;
        for (var i = 0; i < ClassCount; i++)
        {
            sum += _counts[i, predicted];
        }

        return sum;
    }

    /// <summary>Share of records on the diagonal; NaN when empty.</summary>
    public double Accuracy
    {
        get
        {
            var correct = 0;
            for (var c = 0; c < ClassCount; c++)
            {
                correct += _counts[c, c];
            }

            return Total == 0 ? double.NaN : (double)correct / Total;
        }
    }

    /// <summary>F1 of class <paramref name="c"/>: 2·TP / (row sum + column sum); NaN when the class neither occurs nor is predicted.</summary>
    public double F1(int c)
    {
        var denominator = RowSum(c) + ColumnSum(c);
        return denominator == 0 ? double.NaN : 2.0 * _counts[c, c] / denominator;
    }

    /// <summary>Mean F1 of <paramref name="classes"/> (for the CinC 2017 score: Normal, AF, Other).</summary>
    public double MeanF1(ReadOnlySpan<int> classes)
    {
        if (classes.IsEmpty)
        {
            throw new ArgumentException("No classes to average.", nameof(classes));
        }

        var sum = 0.0;
        foreach (var c in classes)
        {
            sum += F1(c);
        }

        return sum / classes.Length;
    }

    /// <summary>The matrix as text, one row per true class, with <paramref name="classNames"/> as headers.</summary>
    public string ToText(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != ClassCount)
        {
            throw new ArgumentException($"{classNames.Count} names for {ClassCount} classes.", nameof(classNames));
        }

        var width = Math.Max(8, classNames.Max(name => name.Length) + 2);
        var text = new StringBuilder();
        text.Append("true \\ predicted".PadRight(width + 8));
        foreach (var name in classNames)
        {
            text.Append(name.PadLeft(width));
        }

        text.AppendLine();
        for (var i = 0; i < ClassCount; i++)
        {
            text.Append(classNames[i].PadRight(width + 8));
            for (var j = 0; j < ClassCount; j++)
            {
                text.Append(_counts[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(width));
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
