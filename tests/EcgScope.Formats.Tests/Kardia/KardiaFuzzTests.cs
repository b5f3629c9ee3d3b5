using EcgScope.Core;
using EcgScope.Formats.Kardia;
using EcgScope.Formats.Tests.Csv;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Kardia;

/// <summary>
/// Seeded mutations of AliveCor's test files must give a record or an <see cref="EcgFormatException"/>, never
/// another exception or a hang. Plain byte damage is almost always caught by the block checksums, so a second test
/// damages block contents and lengths and then writes correct checksums, to reach the parsing behind them.
/// </summary>
public sealed class KardiaFuzzTests
{
    [Theory]
    [InlineData("1_lead.atc", 71)]
    [InlineData("6_lead_ab.atc", 72)]
    public void Damaged_files_give_a_record_or_a_format_error(string name, int seed)
    {
        var original = File.ReadAllBytes(TestData.File("alivecor", name));

        var (read, rejected) = MutationFuzzer.Run(new KardiaReader(), original, name, EcgReadOptions.Default, seed, iterations: 200, isText: false);

        Assert.True(rejected > 0, $"{read} read, {rejected} rejected");
    }

    [Theory]
    [InlineData("1_lead.atc", 81)]
    [InlineData("6_lead_ab.atc", 82)]
    [InlineData("normal-v2.atc", 83)]
    public void Damaged_blocks_with_correct_checksums_give_a_record_or_a_format_error(string name, int seed)
    {
        var blocks = AtcFiles.Blocks(File.ReadAllBytes(TestData.File("alivecor", name)));
        var random = new Random(seed);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 300; i++)
        {
            var outcome = ReadOutcome(AtcFiles.File((uint)random.Next(6), [.. Mutate(blocks, random)]), name);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(outcomes.GetValueOrDefault("error") > 0 && outcomes.GetValueOrDefault("record") > 0, string.Join(", ", outcomes));
    }

    // Any exception other than EcgFormatException fails the test; the seed makes the mutant reproducible.
    private static string ReadOutcome(byte[] mutant, string name)
    {
        try
        {
            var record = KardiaReader.ToRecord(KardiaFile.Parse(mutant, name));
            Assert.True(record.SampleCount > 0);
            Assert.All(record.Annotations, a => Assert.InRange(a.SampleIndex, 0, record.SampleCount - 1));
            return "record";
        }
        catch (EcgFormatException)
        {
            return "error";
        }
    }

    // One to three changes: overwrite bytes of a block (aimed at its start), cut or extend its data, rename it,
    // duplicate it or drop it.
    private static List<(string Id, byte[] Data)> Mutate(List<(string Id, byte[] Data)> original, Random random)
    {
        var blocks = original.Select(b => (b.Id, (byte[])b.Data.Clone())).ToList();
        for (var n = random.Next(1, 4); n > 0 && blocks.Count > 0; n--)
        {
            var at = random.Next(blocks.Count);
            var (id, data) = blocks[at];
            switch (random.Next(6))
            {
                case 0:
                    for (var k = random.Next(1, 5); k > 0 && data.Length > 0; k--)
                    {
                        data[random.Next(random.Next(2) == 0 ? Math.Min(data.Length, 16) : data.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1:
                    blocks[at] = (id, data[..random.Next(data.Length + 1)]);
                    break;
                case 2:
                    blocks[at] = (id, [.. data, .. new byte[random.Next(1, 8)]]);
                    break;
                case 3:
                    blocks[at] = (id[..3] + (char)random.Next(32, 127), data);
                    break;
                case 4:
                    blocks.Insert(at, (id, data));
                    break;
                default:
                    blocks.RemoveAt(at);
                    break;
            }
        }

        return blocks;
    }
}
