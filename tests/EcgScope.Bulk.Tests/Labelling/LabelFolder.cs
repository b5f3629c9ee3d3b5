using EcgScope.Testing;

namespace EcgScope.Bulk.Tests.Labelling;

/// <summary>A folder of real printout images to label (from the cardiac-patients dataset), with copies where asked.</summary>
internal static class LabelFolder
{
    /// <summary>The first <paramref name="count"/> normal printouts as a.jpg, b.jpg, ...; each name in <paramref name="copies"/> a byte-identical copy of a.jpg.</summary>
    public static string Create(int count, params string[] copies)
    {
        var folder = TestData.TempFolder();
        var sources = Directory.GetFiles(TestData.File("cardiac-patients", "normal"), "*.jpg").Order(StringComparer.Ordinal).Take(count).ToList();
        Assert.Equal(count, sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            File.Copy(sources[i], Path.Combine(folder, $"{(char)('a' + i)}.jpg"));
        }

        foreach (var copy in copies)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, copy))!);
            File.Copy(Path.Combine(folder, "a.jpg"), Path.Combine(folder, copy));
        }

        return folder;
    }
}
