using EcgScope.Testing;

namespace EcgScope.Bulk.Tests.Batch;

/// <summary>
/// A folder of real records as an archive holds them: three CinC 2017 recordings (a .hea beside its .mat), a MIT-BIH
/// excerpt (.hea, .dat, .atr), two records that cannot be read (a CinC .mat cut short, a MIT-BIH header whose .dat is
/// missing), and two files that are no ECG (CinC's RECORDS list, MIT-BIH's ANNOTATORS).
/// </summary>
internal static class BatchFolder
{
    /// <summary>The records' names, as the results name them, in order.</summary>
    public static readonly string[] Records =
        ["cinc/A00001.hea", "cinc/A00002.hea", "cinc/A00003.hea", "cinc/A00004.hea", "mitdb/101.hea", "mitdb/mitdb-100-60s.hea"];

    /// <summary>The records that cannot be read, with a word of their error.</summary>
    public static readonly (string Record, string Error)[] Broken =
        [("cinc/A00004.hea", "truncated"), ("mitdb/101.hea", "'101.dat' does not exist")];

    /// <summary>The files that are no ECG.</summary>
    public static readonly string[] NotEcgs = ["cinc/RECORDS", "mitdb/ANNOTATORS"];

    /// <summary>A new folder with the files above.</summary>
    public static string Create()
    {
        var folder = TestData.TempFolder();
        var cinc = Directory.CreateDirectory(Path.Combine(folder, "cinc")).FullName;
        var mitdb = Directory.CreateDirectory(Path.Combine(folder, "mitdb")).FullName;
        foreach (var name in new[] { "A00001", "A00002", "A00003", "A00004" })
        {
            File.Copy(TestData.File("cinc2017", "training2017", name + ".hea"), Path.Combine(cinc, name + ".hea"));
            File.Copy(TestData.File("cinc2017", "training2017", name + ".mat"), Path.Combine(cinc, name + ".mat"));
        }

        var whole = File.ReadAllBytes(Path.Combine(cinc, "A00004.mat"));
        File.WriteAllBytes(Path.Combine(cinc, "A00004.mat"), whole[..(whole.Length / 3)]);
        File.Copy(TestData.File("cinc2017", "training2017", "RECORDS"), Path.Combine(cinc, "RECORDS"));
        foreach (var extension in new[] { ".hea", ".dat", ".atr" })
        {
            File.Copy(TestData.RepositoryFile("samples", "mitdb-100-60s" + extension), Path.Combine(mitdb, "mitdb-100-60s" + extension));
        }

        File.Copy(TestData.File("mitdb", "101.hea"), Path.Combine(mitdb, "101.hea"));
        File.Copy(TestData.File("mitdb", "ANNOTATORS"), Path.Combine(mitdb, "ANNOTATORS"));
        return folder;
    }
}
