using BenchmarkDotNet.Attributes;

namespace EcgScope.Benchmarks.Web;

/// <summary>
/// The result page the first time it is opened after an upload (nothing cached): the page itself (which analyses the
/// stored signal again and renders the measurements and verdicts), then its trace on ECG paper (SVG), as a browser
/// asks for them. Each iteration uploads a fresh analysis first (not measured).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessSingleInvocations))]
public class ResultPageBenchmarks : IDisposable
{
    private BenchWebApp app = null!;
    private HttpClient client = null!;
    private byte[] applePdf = null!;
    private string id = "";

    [GlobalSetup]
    public void Start()
    {
        app = new BenchWebApp();
        client = app.CreateAcceptedClient();
        applePdf = File.ReadAllBytes(BenchmarkInput.ApplePdf30Seconds());
    }

    [IterationSetup]
    public void Upload() => id = BenchWebApp.UploadAsync(client, applePdf, "apple-ecg-30s.pdf").GetAwaiter().GetResult();

    /// <summary>GET /analyses/{id} then GET its trace.svg, both read to the end.</summary>
    [Benchmark]
    public async Task<int> FirstViewPageAndTrace()
    {
        var page = await client.GetStringAsync(new Uri($"/analyses/{id}", UriKind.Relative)).ConfigureAwait(false);
        var trace = await client.GetByteArrayAsync(new Uri($"/api/analyses/{id}/trace.svg", UriKind.Relative)).ConfigureAwait(false);
        return page.Length + trace.Length;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
        GC.SuppressFinalize(this);
    }
}
