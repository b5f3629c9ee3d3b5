using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace EcgScope.Cluster;

/// <summary>
/// A started Orleans host that can run cluster batches through <see cref="Grains"/>: a client of a PostgreSQL cluster
/// (<see cref="ConnectAsync"/>), or a silo of its own in this process with everything in memory
/// (<see cref="StartLocalAsync"/>, the default when no cluster is given). Disposing it stops the host.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost host;

    private ClusterConnection(IHost host)
    {
        this.host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>The grain factory to hand to <see cref="ClusterBatch.RunAsync"/>.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>Connects as a client to the silos of cluster <paramref name="clusterId"/> listed in the PostgreSQL database.</summary>
    /// <param name="connectionString">The Npgsql connection string of the cluster's database.</param>
    /// <param name="clusterId">The cluster's id, as its silos were started with.</param>
    /// <param name="cancellationToken">Stops waiting for the cluster.</param>
    public static async Task<ClusterConnection> ConnectAsync(string connectionString, string clusterId, CancellationToken cancellationToken = default)
    {
        var builder = QuietHost();
        builder.UseOrleansClient(client => client
            .UsePostgres(connectionString)
            .AddEcgScopeBatches()
            .Configure<ClusterOptions>(options => ClusterHosting.NameCluster(options, clusterId)));
        return await StartAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a silo in this process (localhost clustering, state and reminders in memory) that does <paramref name="work"/>.</summary>
    public static async Task<ClusterConnection> StartLocalAsync(IRecordWork work, Action<ClusterBatchOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = QuietHost();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
            .UseInMemoryStores()
            .AddEcgScopeBatches(work, configure));
        return await StartAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync().ConfigureAwait(false);
        host.Dispose();
    }

    private static async Task<ClusterConnection> StartAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new ClusterConnection(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>A host that logs Orleans' warnings and errors only: its start-up information would bury the batch's progress.</summary>
    private static HostApplicationBuilder QuietHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        return builder;
    }

    /// <summary>A TCP port free on loopback now, so that two local runs do not collide.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
