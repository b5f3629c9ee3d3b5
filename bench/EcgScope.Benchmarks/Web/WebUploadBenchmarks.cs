using BenchmarkDotNet.Attributes;

namespace EcgScope.Benchmarks.Web;

/// <summary>
/// Server time from upload to result: a multipart POST /api/analyses through the whole app (antiforgery-free API,
/// format detection by content, reading, analysis, both models, SQLite store) until the 201 with the analysis JSON.
/// The app runs in this process on ASP.NET Core's in-memory server, models loaded in the setup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class WebUploadBenchmarks : IDisposable
{
    private BenchWebApp app = null!;
    private HttpClient client = null!;
    private byte[] applePdf = null!;
    private byte[] appleCsv = null!;

    [GlobalSetup]
    public void Start()
    {
        app = new BenchWebApp();
        client = app.CreateAcceptedClient();
        applePdf = File.ReadAllBytes(BenchmarkInput.ApplePdf30Seconds());
        appleCsv = File.ReadAllBytes(BenchmarkInput.AppleCsv30Seconds());
        BenchWebApp.UploadAsync(client, applePdf, "warm-up.pdf").GetAwaiter().GetResult();
    }

    /// <summary>The 30 s Apple Watch PDF (generated, faithful to genuine exports).</summary>
    [Benchmark(Baseline = true)]
    public Task<string> UploadApplePdf30s() => BenchWebApp.UploadAsync(client, applePdf, "apple-ecg-30s.pdf");

    /// <summary>A genuine 30 s Apple Watch CSV export.</summary>
    [Benchmark]
    public Task<string> UploadAppleCsv30s() => BenchWebApp.UploadAsync(client, appleCsv, "ecg_2024-08-19.csv");

    [GlobalCleanup]
    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
        GC.SuppressFinalize(this);
    }
}
