using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace EcgScope.Cluster.Tests;

/// <summary>
/// A TestingHost cluster of in-process silos whose per-record work is <see cref="Work"/>. The silos are made by type,
/// so the work is handed over through this static slot: one cluster at a time (the tests that use it share a collection).
/// </summary>
internal static class TestClusters
{
    public static CountingWork? Work { get; private set; }

    public static async Task<TestCluster> StartAsync(int silos, CountingWork work)
    {
        Work = work;
        var cluster = new TestClusterBuilder((short)silos)
            .AddSiloBuilderConfigurator<SiloConfigurator>()
            .AddClientBuilderConfigurator<ClientConfigurator>()
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder
                .AddEcgScopeBatches(Work!.On(siloBuilder.Configuration["Orleans:Name"]!), options =>
                {
                    options.CheckPeriod = TimeSpan.FromMilliseconds(200);
                    options.RetryDelay = TimeSpan.FromMilliseconds(200);
                    options.InFlightTimeout = TimeSpan.FromSeconds(20);
                })
                .UseInMemoryStores();
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddEcgScopeBatches();
    }
}
