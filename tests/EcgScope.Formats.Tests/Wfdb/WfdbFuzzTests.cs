using EcgScope.Core;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>
/// Random truncations and byte changes of real files must give a record or an <see cref="EcgFormatException"/>,
/// never another exception or a hang. Seeded, so a failure names a reproducible case.
/// </summary>
public sealed class WfdbFuzzTests
{
    private const int Iterations = 60;

    [Theory]
    [InlineData("mitdb", "", "100", "hea", 1)]
    [InlineData("mitdb", "", "100", "dat", 2)]
    [InlineData("mitdb", "", "100", "atr", 3)]
    [InlineData("cinc2017", "training2017", "A00001", "hea", 4)]
    [InlineData("cinc2017", "training2017", "A00001", "mat", 5)]
    [InlineData("ludb", "data", "1", "i", 6)]
    public void Damaged_files_give_a_record_or_a_format_error(string dataset, string subfolder, string record, string mutated, int seed)
    {
        var source = Path.Combine(TestData.Require(dataset), subfolder);
        var files = Directory.GetFiles(source, record + ".*");
        var folder = TestData.TempFolder();
        var random = new Random(seed);
        var original = File.ReadAllBytes(Path.Combine(source, $"{record}.{mutated}"));
        var readPath = Path.Combine(folder, record + (mutated == "mat" ? ".mat" : ".hea"));
        var outcomes = new Dictionary<string, int>();

        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        for (var i = 0; i < Iterations; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{record}.{mutated}"), Damage(original, random));
            var outcome = ReadOutcome(readPath, mutated);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // Damage must be noticed at least sometimes: a reader that ignored its input would never throw.
        Assert.True(outcomes.GetValueOrDefault("error") > 0, string.Join(", ", outcomes));
    }

    private static string ReadOutcome(string path, string mutated)
    {
        try
        {
            var record = EcgFile.Read(path, new EcgReadOptions { AnnotationExtension = mutated == "i" ? "i" : "atr" });
            Assert.True(record.SampleCount > 0);
            return "record";
        }
        catch (EcgFormatException)
        {
            return "error";
        }
    }

    // Either cut the file at a random length or overwrite 1 to 8 random bytes with random values.
    private static byte[] Damage(byte[] original, Random random)
    {
        if (random.Next(2) == 0)
        {
            return original[..random.Next(original.Length)];
        }

        var damaged = (byte[])original.Clone();
        var changes = random.Next(1, 9);
        for (var c = 0; c < changes; c++)
        {
            // Headers and annotation files are small: aim at their start, where the structure is, half of the time.
            var limit = random.Next(2) == 0 ? Math.Min(256, damaged.Length) : damaged.Length;
            damaged[random.Next(limit)] = (byte)random.Next(256);
        }

        return damaged;
    }
}
