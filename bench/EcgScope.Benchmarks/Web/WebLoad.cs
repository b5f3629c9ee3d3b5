using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EcgScope.Benchmarks.Web;

/// <summary>
/// A load run, not a BenchmarkDotNet benchmark: starts the built web app (src/EcgScope.Web/bin/Release) as its own
/// process on a free loopback port, as <c>dotnet run</c> would run it (server GC), uploads once to load the models,
/// then keeps N uploads in flight for S seconds through the REST API and reports the count, errors, latency
/// percentiles and the server's peak resident memory (VmHWM from /proc).
/// Options: <c>--seconds 60 --concurrency 20 --file PATH</c> (default: the generated 30 s Apple Watch PDF).
/// </summary>
internal static class WebLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 60);
        var concurrency = Option(args, "--concurrency", 20);
        var file = OptionText(args, "--file") ?? BenchmarkInput.ApplePdf30Seconds();
        var content = await File.ReadAllBytesAsync(file).ConfigureAwait(false);
        var name = Path.GetFileName(file);

        using var server = WebServerProcess.Start();
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("Cookie", "ecgscope-disclaimer=accepted");
        await server.WaitUntilReadyAsync(client).ConfigureAwait(false);
        await BenchWebApp.UploadAsync(client, content, name).ConfigureAwait(false);
        var residentBefore = server.ResidentKilobytes("VmRSS");

        Console.WriteLine($"Uploading {name} ({content.Length / 1024} KiB): {concurrency} at a time for {seconds} s to {server.Address} (server pid {server.Id})...");
        var latencies = new List<double>[concurrency];
        var errors = new List<string>();
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < until)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await BenchWebApp.UploadAsync(client, content, name).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    lock (errors)
                    {
                        errors.Add(exception.Message);
                    }
                }
            }
        }));
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(list => list).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | concurrent uploads | duration (s) | uploads | errors | uploads/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | server RSS before (MB) | server peak RSS (MB) |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | {concurrency} | {elapsed:0.0} | {all.Length} | {errors.Count} | {all.Length / elapsed:0.0} | {Percentile(all, 0.50):0} | {Percentile(all, 0.95):0} | {Percentile(all, 0.99):0} | {all.LastOrDefault():0} | {residentBefore / 1024.0:0} | {server.ResidentKilobytes("VmHWM") / 1024.0:0} |
            """));
        foreach (var error in errors.Distinct().Take(5))
        {
            Console.WriteLine($"error: {error}");
        }

        return errors.Count == 0 && all.Length > 0 ? 0 : 1;
    }

    /// <summary>The value below which <paramref name="fraction"/> of the sorted values lie (nearest rank).</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string? OptionText(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The web app in its own process, with a fresh history in a temp folder; killed and cleaned up on dispose.</summary>
    private sealed class WebServerProcess : IDisposable
    {
        private readonly Process process;
        private readonly string folder;

        private WebServerProcess(Process process, string folder, Uri address)
        {
            this.process = process;
            this.folder = folder;
            Address = address;
        }

        public Uri Address { get; }

        public int Id => process.Id;

        public static WebServerProcess Start()
        {
            var app = Path.Combine(BenchmarkInput.RepositoryRoot, "src", "EcgScope.Web", "bin", "Release", "net10.0", "EcgScope.Web.dll");
            if (!File.Exists(app))
            {
                throw new FileNotFoundException($"{app} not found: dotnet build -c Release src/EcgScope.Web", app);
            }

            var folder = Directory.CreateTempSubdirectory("ecgscope-load-").FullName;
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo("dotnet", [app, "--urls", address.ToString()])
            {
                WorkingDirectory = Path.GetDirectoryName(app)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ECGSCOPE__Web__Database"] = Path.Combine(folder, "history.db");
            start.Environment["ECGSCOPE__Web__UploadFolder"] = Directory.CreateDirectory(Path.Combine(folder, "uploads")).FullName;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 }) Console.Error.WriteLine($"server: {line.Data}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new WebServerProcess(process, folder, address);
        }

        public async Task WaitUntilReadyAsync(HttpClient client)
        {
            for (var attempt = 0; attempt < 600; attempt++)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri("/api/models", UriKind.Relative)).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The web app exited with {process.ExitCode}.");
                }

                await Task.Delay(100).ConfigureAwait(false);
            }

            throw new TimeoutException("The web app did not answer within 60 s.");
        }

        /// <summary>A memory line of /proc/PID/status in kB: VmRSS (resident now) or VmHWM (peak resident).</summary>
        public long ResidentKilobytes(string field)
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(line => line.StartsWith(field + ":", StringComparison.Ordinal));
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
            Directory.Delete(folder, recursive: true);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
