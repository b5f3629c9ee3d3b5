using System.Text;
using EcgScope.Core;
using EcgScope.Testing;

namespace EcgScope.Formats.Tests.Csv;

/// <summary>
/// Seeded fuzzing by mutation of a valid file: truncation, byte overwrites (biased towards the header) and, for text,
/// garbled lines. Every mutant must give a record or an <see cref="EcgFormatException"/>, nothing else, and read from
/// a stream that cannot seek it must give the same: the same record, or the same error naming the stream.
/// </summary>
internal static class MutationFuzzer
{
    private const string Garbage = "0123456789-+.,;\t \"#eE\u00B5xyz\u0000";

    public static (int Read, int Rejected) Run(
        IEcgFormatReader reader, byte[] original, string fileName, EcgReadOptions options, int seed, int iterations, bool isText)
    {
        var random = new Random(seed);
        var path = Path.Combine(TestData.TempFolder(), fileName);
        var (read, rejected) = (0, 0);
        for (var i = 0; i < iterations; i++)
        {
            var mutant = Mutate(original, random, isText);
            File.WriteAllBytes(path, mutant);
            var fromFile = Outcome(() => reader.Read(path, options), seed, i);
            var fromStream = Outcome(() => reader.Read(EcgSource.FromStream(new NonSeekableStream(mutant), "upload-" + fileName), options), seed, i);
            reader.CanRead(path, mutant.AsSpan(0, Math.Min(mutant.Length, 4096)));
            Assert.Equal(fromFile.Replace(path, "upload-" + fileName, StringComparison.Ordinal), fromStream);
            (read, rejected) = fromFile.StartsWith("record", StringComparison.Ordinal) ? (read + 1, rejected) : (read, rejected + 1);
        }

        return (read, rejected);
    }

    // "record: N samples of L leads" or the error message; any exception other than EcgFormatException fails the test.
    private static string Outcome(Func<EcgRecord> read, int seed, int mutant)
    {
        try
        {
            var record = read();
            return $"record: {record.SampleCount} samples of {record.Leads.Length} leads, {record.Annotations.Length} annotations";
        }
        catch (EcgFormatException error)
        {
            return error.Message;
        }
        catch (Exception error) when (error is not Xunit.Sdk.IAssertionException)
        {
            Assert.Fail($"seed {seed}, mutant {mutant}: {error.GetType().Name}: {error.Message}\n{error.StackTrace}");
            throw;
        }
    }

    private static byte[] Mutate(byte[] original, Random random, bool isText) => random.Next(isText ? 3 : 2) switch
    {
        0 => original[..random.Next(original.Length)],
        1 => Overwrite(original, random),
        _ => GarbleLines(original, random),
    };

    private static byte[] Overwrite(byte[] original, Random random)
    {
        var mutant = (byte[])original.Clone();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            var limit = random.Next(2) == 0 ? Math.Min(mutant.Length, 1024) : mutant.Length;
            mutant[random.Next(limit)] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)Garbage[random.Next(Garbage.Length)];
        }

        return mutant;
    }

    private static byte[] GarbleLines(byte[] original, Random random)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(random.Next(2) == 0 ? Math.Min(lines.Count, 30) : lines.Count);
            switch (random.Next(4))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[at]);
                    break;
                case 2:
                    lines[at] = new string([.. Enumerable.Range(0, random.Next(12)).Select(_ => Garbage[random.Next(Garbage.Length)])]);
                    break;
                default:
                    lines[at] = lines[at].Insert(random.Next(lines[at].Length + 1), Garbage[random.Next(Garbage.Length)].ToString());
                    break;
            }

            if (lines.Count == 0)
            {
                break;
            }
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
