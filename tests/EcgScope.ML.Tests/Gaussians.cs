namespace EcgScope.ML.Tests;

/// <summary>Standard normal draws (Box-Muller) from a seeded generator.</summary>
internal static class Gaussians
{
    public static double Next(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
