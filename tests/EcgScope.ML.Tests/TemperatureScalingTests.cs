using System.Globalization;
using EcgScope.Inference.Verdicts;
using EcgScope.ML.Evaluation;

namespace EcgScope.ML.Tests;

public sealed class TemperatureScalingTests
{
    [Fact]
    public void Softmax_temperature_of_an_overconfident_model_is_recovered()
    {
        // Labels drawn from softmax(z); the model reports 2.5·z, so T = 2.5 undoes its overconfidence.
        var random = new Random(11);
        var logits = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < 20_000; i++)
        {
            double[] z = [Gaussians.Next(random) * 2, Gaussians.Next(random) * 2, Gaussians.Next(random) * 2];
            labels.Add(Draw(Probabilities.Softmax(z), random));
            logits.Add([.. z.Select(v => 2.5 * v)]);
        }

        var temperature = TemperatureScaling.FitSoftmax(logits, labels.ToArray());

        Assert.InRange(temperature, 2.35, 2.65);
        var best = TemperatureScaling.SoftmaxNll(logits, labels.ToArray(), temperature);
        Assert.True(best < TemperatureScaling.SoftmaxNll(logits, labels.ToArray(), 1));
        Assert.True(best <= TemperatureScaling.SoftmaxNll(logits, labels.ToArray(), temperature * 1.05));
        Assert.True(best <= TemperatureScaling.SoftmaxNll(logits, labels.ToArray(), temperature / 1.05));
    }

    [Fact]
    public void Sigmoid_temperatures_are_fitted_per_output()
    {
        // Output 0 is calibrated (T = 1), output 1 underconfident by half (T = 0.5).
        var random = new Random(5);
        var logits = new List<double[]>();
        var targets = new List<bool[]>();
        for (var i = 0; i < 20_000; i++)
        {
            double a = Gaussians.Next(random) * 2, b = Gaussians.Next(random) * 2;
            targets.Add([random.NextDouble() < Probabilities.Sigmoid(a), random.NextDouble() < Probabilities.Sigmoid(b)]);
            logits.Add([a, 0.5 * b]);
        }

        var temperatures = TemperatureScaling.FitSigmoidPerOutput(logits, targets);

        Assert.InRange(temperatures[0], 0.93, 1.07);
        Assert.InRange(temperatures[1], 0.46, 0.54);
    }

    [Fact]
    public void Separable_data_drives_the_temperature_to_the_lower_bound()
    {
        // Always right: sharper is always better, so the search ends at its lower edge.
        double[][] logits = [[3, 0], [0, 3]];

        var temperature = TemperatureScaling.FitSoftmax(logits, [0, 1]);

        Assert.InRange(temperature, TemperatureScaling.MinTemperature, TemperatureScaling.MinTemperature * 1.001);
    }

    [Fact]
    public void Softmax_is_stable_and_sums_to_one()
    {
        var probabilities = Probabilities.Softmax([1000, 1000, 0], temperature: 2);

        Assert.Equal(0.5, probabilities[0], 12);
        Assert.Equal(1, probabilities.Sum(), 12);
        Assert.Equal(0.5, Probabilities.Sigmoid(0), 12);
    }

    [Fact]
    public void A_companions_out_of_fold_probabilities_are_calibrated_per_fold_by_the_other_folds_alone()
    {
        // Four classes drawn from softmax(z) in three folds; the companion reports softmax(2·z), overconfident by 2.
        var random = new Random(17);
        var lines = new List<string> { "record,fold,label,pN,pA,pO,pNoisy" };
        for (var i = 0; i < 6_000; i++)
        {
            double[] z = [.. Enumerable.Range(0, 4).Select(_ => Gaussians.Next(random) * 1.5)];
            var label = Draw(Probabilities.Softmax(z), random);
            var reported = Probabilities.Softmax([.. z.Select(v => 2 * v)]);
            lines.Add(string.Join(',', [$"R{i}", (i % 3).ToString(CultureInfo.InvariantCulture), label.ToString(CultureInfo.InvariantCulture), .. reported.Select(p => p.ToString("R", CultureInfo.InvariantCulture))]));
        }

        var path = Path.Combine(Path.GetTempPath(), $"companion-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        var calibrated = CompanionProbabilities.Read(path, share: 0.5);
        // Fold 0's labels all set to Noisy: only the other folds' temperatures may change.
        File.WriteAllLines(path, lines.Select((line, i) => i > 0 && (i - 1) % 3 == 0 ? string.Join(',', [.. line.Split(',')[..2], "3", .. line.Split(',')[3..]]) : line));
        var withFoldZeroRelabelled = CompanionProbabilities.Read(path, share: 0.5);
        var raw = CompanionProbabilities.Read(path, share: 0.5, calibrate: false);
        File.Delete(path);

        Assert.All(calibrated.Temperatures, t => Assert.InRange(t, 1.85, 2.15));
        Assert.Equal(calibrated.Temperatures[0], withFoldZeroRelabelled.Temperatures[0], 12);
        Assert.NotEqual(calibrated.Temperatures[1], withFoldZeroRelabelled.Temperatures[1], 3);
        Assert.Equal([1.0, 1.0, 1.0], raw.Temperatures);
        var record = calibrated.ByRecord["R0"];
        Assert.Equal(1, record.Sum(), 12);
        Assert.Equal(Probabilities.ArgMax(raw.ByRecord["R0"]), Probabilities.ArgMax(record));
        Assert.Equal(Probabilities.Temper(raw.ByRecord["R0"], calibrated.Temperatures[0]), record);
    }

    private static int Draw(double[] probabilities, Random random)
    {
        var u = random.NextDouble();
        for (var c = 0; c < probabilities.Length - 1; c++)
        {
            u -= probabilities[c];
            if (u < 0)
            {
                return c;
            }
        }

        return probabilities.Length - 1;
    }
}
