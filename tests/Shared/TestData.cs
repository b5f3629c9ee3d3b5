namespace EcgScope.Testing;

/// <summary>
/// Finds the real datasets unpacked by <c>../shared/data/unpack.sh</c>. Under CI (CI=true) a missing dataset fails
/// the test; elsewhere the test is skipped with a message saying how to get the data.
/// </summary>
internal static class TestData
{
    /// <summary>The data root: $ECGSCOPE_DATA, else ~/.cache/ecgscope/data.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("ECGSCOPE_DATA") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ecgscope", "data");

    /// <summary>The folder of one dataset ("mitdb", "ludb", "ptbxl", "cinc2017", "apple-health", "images").</summary>
    public static string Require(string dataset)
    {
        var folder = Path.Combine(Root, dataset);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var message = $"Dataset '{dataset}' not found in {Root}. Run ../shared/data/unpack.sh (or set ECGSCOPE_DATA).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return folder;
    }

    /// <summary>
    /// The repository's root: the first folder above the test binaries that holds EcgScope.slnx. Not found through
    /// [CallerFilePath]: CI builds with deterministic source paths ("/_/..."), which exist on no disk.
    /// </summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A file of the repository, for example ("samples", "mitdb-100-60s.hea").</summary>
    public static string RepositoryFile(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "EcgScope.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds EcgScope.slnx.");
    }

    /// <summary>A file inside a dataset.</summary>
    public static string File(string dataset, params string[] parts) => Path.Combine([Require(dataset), .. parts]);

    /// <summary>A fresh empty folder for a test's files, removed at process exit.</summary>
    public static string TempFolder()
    {
        var folder = Directory.CreateTempSubdirectory("ecgscope-test-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>A copy of the repository's <c>models</c> folder in a fresh temporary folder, for tests that alter a model's files.</summary>
    public static string CopyOfShippedModels()
    {
        var shipped = RepositoryFile("models");
        var copy = Path.Combine(TempFolder(), "models");
        foreach (var file in Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }

        return copy;
    }
}
