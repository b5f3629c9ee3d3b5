namespace EcgScope.Benchmarks;

/// <summary>Finds the unpacked datasets: $ECGSCOPE_DATA, else ~/.cache/ecgscope/data (see ../shared/data/unpack.sh).</summary>
internal static class BenchmarkData
{
    public static string File(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("ECGSCOPE_DATA") is { Length: > 0 } data
            ? data
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ecgscope", "data");
        var path = Path.Combine([root, .. parts]);
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} not found: run ../shared/data/unpack.sh (or set ECGSCOPE_DATA).", path);
    }
}
