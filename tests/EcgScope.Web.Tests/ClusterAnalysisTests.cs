using System.Net;
using System.Text.Json.Nodes;
using EcgScope.Cluster;
using EcgScope.Cluster.Analyses;
using EcgScope.Inference.Models;
using EcgScope.Testing;
using EcgScope.Web.Analyses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace EcgScope.Web.Tests;

/// <summary>
/// The web app with its analysis on an Orleans cluster of in-process silos (TestingHost), against the same app
/// analysing in its own process (the default). Tests of one class run one at a time, so each may start its own cluster.
/// </summary>
public sealed class ClusterAnalysisTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string CincHeader => TestData.File("cinc2017", "training2017", "A00001.hea");

    private static string CincSignal => TestData.File("cinc2017", "training2017", "A00001.mat");

    private TestCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await AnalysisSilos.StartAsync(2);

    public async ValueTask DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_record_analysed_on_a_silo_gives_the_document_the_web_apps_own_process_gives()
    {
        using var local = new WebAppFactory();
        using var clustered = OnCluster(cluster);
        var localClient = local.CreateAcceptedClient();
        var clusterClient = clustered.CreateAcceptedClient();

        var here = await Uploads.Json(await localClient.PostAsync("/api/analyses", Uploads.FormOf(CincHeader, CincSignal), Cancel));
        var response = await clusterClient.PostAsync("/api/analyses", Uploads.FormOf(CincHeader, CincSignal), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var there = await Uploads.Json(response);
        foreach (var part in new[] { "fileName", "format", "analysis", "classification" })
        {
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(here.GetProperty(part).GetRawText()), JsonNode.Parse(there.GetProperty(part).GetRawText())),
                $"'{part}' differs:\n{here.GetProperty(part)}\n---\n{there.GetProperty(part)}");
        }

        Assert.NotEmpty(there.GetProperty("classification").GetProperty("verdicts").EnumerateArray());
        Assert.NotEmpty(there.GetProperty("analysis").GetProperty("leads")[0].GetProperty("rPeakSeconds").EnumerateArray());

        // The page, its trace and its PDF are made from what was stored; the web app analyses nothing itself.
        var id = there.GetProperty("id").GetString()!;
        foreach (var path in new[] { $"/analyses/{id}", $"/api/analyses/{id}/trace.svg", $"/api/analyses/{id}/report.pdf" })
        {
            Assert.Equal(HttpStatusCode.OK, (await clusterClient.GetAsync(path, Cancel)).StatusCode);
        }
    }

    [Fact]
    public async Task The_work_runs_on_a_silo_which_the_analysis_log_names()
    {
        using var clustered = OnCluster(cluster);
        var client = clustered.CreateAcceptedClient();
        var before = AnalysedBySilos(cluster);

        var created = await Uploads.Json(await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.SampleHeader, Path.ChangeExtension(Uploads.SampleHeader, ".dat")), Cancel));
        var log = await client.GetStringAsync($"/api/analyses/{created.GetProperty("id").GetString()}/log", Cancel);

        Assert.Equal(before + 1, AnalysedBySilos(cluster));
        var ranOn = log.Split('\n').Single(line => line.StartsWith("ran on ", StringComparison.Ordinal));
        Assert.Contains(cluster.Silos, silo => ranOn.Contains($"silo {silo.Name} at {silo.SiloAddress}", StringComparison.Ordinal));
        Assert.Contains("weights SHA-256", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_default_says_so_in_the_log_and_starts_no_orleans()
    {
        using var local = new WebAppFactory();
        var client = local.CreateAcceptedClient();

        var created = await Uploads.Json(await client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel));
        var log = await client.GetStringAsync($"/api/analyses/{created.GetProperty("id").GetString()}/log", Cancel);

        Assert.Contains("ran on     the web app's own process", log, StringComparison.Ordinal);
        Assert.IsType<LocalAnalysisRunner>(local.Services.GetRequiredService<IAnalysisRunner>());
        Assert.Null(local.Services.GetService<IClusterClient>());
    }

    [Fact]
    public async Task A_fault_of_the_cluster_is_retried_on_a_fresh_grain_and_a_second_one_is_a_503_that_keeps_nothing()
    {
        using var clustered = OnCluster(cluster);
        var client = clustered.CreateAcceptedClient();
        var upload = () => client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel);
        var analysed = AnalysedBySilos(cluster);

        AnalysisSilos.FailNextCalls(1);
        Assert.Equal(HttpStatusCode.Created, (await upload()).StatusCode);
        Assert.Equal(analysed + 1, AnalysedBySilos(cluster));

        var history = (await client.GetStringAsync("/api/analyses", Cancel)).Length;
        AnalysisSilos.FailNextCalls(2);
        await AssertUnavailableAsync(await upload());
        Assert.Equal(history, (await client.GetStringAsync("/api/analyses", Cancel)).Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(clustered.UploadFolder));
    }

    [Fact]
    public async Task A_lost_silo_is_survived_and_a_lost_cluster_is_a_503_that_keeps_nothing()
    {
        using var clustered = OnCluster(cluster);
        var client = clustered.CreateAcceptedClient();
        var upload = () => client.PostAsync("/api/analyses", Uploads.FormOf(Uploads.AppleCsv), Cancel);
        Assert.Equal(HttpStatusCode.Created, (await upload()).StatusCode);

        // One of two silos killed without a goodbye: every upload is still analysed, on the silo left.
        await cluster.KillSiloAsync(cluster.SecondarySilos[0], Cancel);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await upload()).StatusCode);
        }

        // No silo left: a clear problem, not a fault, and nothing kept.
        var history = (await client.GetStringAsync("/api/analyses", Cancel)).Length;
        await cluster.KillSiloAsync(cluster.Primary!, Cancel);
        await AssertUnavailableAsync(await upload());
        Assert.Equal(history, (await client.GetStringAsync("/api/analyses", Cancel)).Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(clustered.UploadFolder));
    }

    [Fact]
    public async Task A_silo_without_a_model_the_upload_asks_for_is_a_503_naming_it()
    {
        var limited = await AnalysisSilos.StartAsync(1, rhythmModelOnly: true);
        try
        {
            using var clustered = OnCluster(limited);
            var client = clustered.CreateAcceptedClient();
            var form = Uploads.FormOf(Uploads.AppleCsv);
            form.Add(new StringContent("superclass-cnn"), "model");

            var response = await client.PostAsync("/api/analyses", form, Cancel);

            await AssertUnavailableAsync(response, "No model called 'superclass-cnn'");
            Assert.Equal("[]", await client.GetStringAsync("/api/analyses", Cancel));
        }
        finally
        {
            await limited.StopAllSilosAsync(Cancel);
            await limited.DisposeAsync();
        }
    }

    /// <summary>A 503 problem that says what happened and what to do, with no stack trace.</summary>
    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string detail = "Try again")
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await Uploads.Json(response);
        Assert.Equal("The analysis is unavailable.", problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>The web app with its analysis on <paramref name="silos"/>, as <c>Web:AnalysisOn</c> <c>cluster</c> sets it up over PostgreSQL.</summary>
    private static WebAppFactory OnCluster(TestCluster silos) =>
        new(services => services.AddSingleton<IAnalysisRunner>(new ClusterAnalysisRunner(silos.Client)));

    private static int AnalysedBySilos(TestCluster silos) => silos.Silos.Sum(silo => Tally(silo).Analysed);

    private static AnalysisTally Tally(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<AnalysisTally>();

    /// <summary>
    /// In-process silos that analyse uploads with the shipped models (one registry, opened once, for them all), and can
    /// fail the next analysis calls as a lost silo fails them.
    /// </summary>
    private static class AnalysisSilos
    {
        private const string RhythmModelOnly = "RhythmModelOnly";
        private static readonly Lazy<ModelRegistry> Registry = new(() => new ModelRegistry(ModelRegistry.DefaultDirectory));
        private static readonly Lazy<ModelRegistry> RhythmOnly = new(() => new ModelRegistry(ModelRegistry.DefaultDirectory, new ModelSelection { Enabled = ["rhythm-cnn"] }));
        private static int faultsLeft;

        /// <summary>The next <paramref name="count"/> analysis calls that reach a silo fail with Orleans' <see cref="SiloUnavailableException"/>.</summary>
        public static void FailNextCalls(int count) => Volatile.Write(ref faultsLeft, count);

        /// <summary>Starts <paramref name="silos"/> silos with every model, or with the rhythm model only.</summary>
        public static async Task<TestCluster> StartAsync(int silos, bool rhythmModelOnly = false)
        {
            var builder = new TestClusterBuilder((short)silos)
                .AddSiloBuilderConfigurator<SiloConfigurator>()
                .AddClientBuilderConfigurator<ClientConfigurator>();
            if (rhythmModelOnly)
            {
                builder.Properties[RhythmModelOnly] = "true";
            }

            var cluster = builder.Build();
            await cluster.DeployAsync();
            return cluster;
        }

        private sealed class SiloConfigurator : ISiloConfigurator
        {
            public void Configure(ISiloBuilder siloBuilder) =>
                siloBuilder.AddEcgScopeAnalyses(siloBuilder.Configuration[RhythmModelOnly] is null ? Registry.Value : RhythmOnly.Value)
                    .AddIncomingGrainCallFilter<FaultingFilter>();
        }

        /// <summary>Fails an analysis call before it starts while faults are left to inject; every other call passes.</summary>
        private sealed class FaultingFilter : IIncomingGrainCallFilter
        {
            public Task Invoke(IIncomingGrainCallContext context) =>
                context.Grain is IRecordAnalysisGrain && Interlocked.Decrement(ref faultsLeft) >= 0
                    ? throw new SiloUnavailableException("Injected by the test: the silo was lost.")
                    : context.Invoke();
        }

        /// <summary>A call no silo answers fails after 10 s, not Orleans' default 30 s.</summary>
        private sealed class ClientConfigurator : IClientBuilderConfigurator
        {
            public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
                clientBuilder.AddEcgScopeAnalyses().Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10));
        }
    }
}
