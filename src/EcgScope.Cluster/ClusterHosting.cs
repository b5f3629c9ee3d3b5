using EcgScope.Bulk.Batch;
using EcgScope.Cluster.Analyses;
using EcgScope.Inference.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;

namespace EcgScope.Cluster;

/// <summary>
/// Sets up silos and clients for cluster batches: the batch types on the wire, and where the cluster keeps its
/// membership, batch state and reminders (in memory for one process, or PostgreSQL through Orleans' ADO.NET providers).
/// </summary>
public static class ClusterHosting
{
    /// <summary>The grain storage that holds batch state.</summary>
    public const string StorageName = "ecgscope-batches";

    /// <summary>The ADO.NET invariant name of Npgsql, the PostgreSQL provider.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Hosts cluster batches on this silo with <paramref name="work"/> as its per-record work. Add a store too:
    /// <see cref="UseInMemoryStores"/> or <see cref="UsePostgres(ISiloBuilder, string)"/>.
    /// </summary>
    public static ISiloBuilder AddEcgScopeBatches(this ISiloBuilder silo, IRecordWork work, Action<ClusterBatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(work);
        silo.Services.AddSingleton(work);
        silo.Services.AddOptions<ClusterBatchOptions>().Configure(options => configure?.Invoke(options));
        silo.Services.AddSerializer(AddBatchTypes);
        return silo;
    }

    /// <summary>
    /// Lets this silo analyse the web app's uploads (<see cref="IRecordAnalysisGrain"/>) with the models of
    /// <paramref name="registry"/>, which the caller owns; <see cref="AnalysisTally"/> in its services counts them.
    /// </summary>
    public static ISiloBuilder AddEcgScopeAnalyses(this ISiloBuilder silo, ModelRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(registry);
        silo.Services.AddSingleton(registry);
        silo.Services.AddSingleton<AnalysisTally>();

        // A silo checks at start that it can serialize every grain interface of the assembly, the batch's too.
        silo.Services.AddSerializer(AddBatchTypes);
        return silo;
    }

    /// <summary>Lets this client (the web app) have uploads analysed on the cluster.</summary>
    public static IClientBuilder AddEcgScopeAnalyses(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.AddSerializer(AddBatchTypes);
        return client;
    }

    /// <summary>Lets this client run cluster batches.</summary>
    public static IClientBuilder AddEcgScopeBatches(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Services.AddSerializer(AddBatchTypes);
        return client;
    }

    /// <summary>Keeps batch state and reminders in memory: one process, or a test cluster (lost with the silo that holds them).</summary>
    public static ISiloBuilder UseInMemoryStores(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddMemoryGrainStorage(StorageName).UseInMemoryReminderService();
    }

    /// <summary>
    /// Keeps membership, batch state and reminders in the PostgreSQL database of <paramref name="connectionString"/>,
    /// whose tables <see cref="PostgresSchema.ApplyAsync"/> creates.
    /// </summary>
    public static ISiloBuilder UsePostgres(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
            })
            .AddAdoNetGrainStorage(StorageName, options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
            })
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = PostgresInvariant;
                options.ConnectionString = connectionString;
            });
    }

    /// <summary>Finds the silos of the cluster through the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static IClientBuilder UsePostgres(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return client.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Names the cluster: silos and clients of one cluster share both ids.</summary>
    public static void NameCluster(ClusterOptions options, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ClusterId = clusterId;
        options.ServiceId = "ecgscope";
    }

    /// <summary>The batch core's records and rows travel as JSON: they are plain records of another assembly.</summary>
    private static void AddBatchTypes(ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: type => type.Namespace == typeof(BatchRow).Namespace);
}
