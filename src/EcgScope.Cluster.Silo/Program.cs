using EcgScope.Cluster;
using EcgScope.Cluster.Analyses;
using EcgScope.Cluster.Silo;
using EcgScope.Formats;
using EcgScope.Formats.Pdf;
using EcgScope.Inference.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

// ecgscope-silo: one silo of an EcgScope cluster whose membership, batch state and reminders are in PostgreSQL.
// It creates the Orleans tables if they are missing, joins the cluster, analyses batch records and the web app's
// uploads, and runs until Ctrl+C or SIGTERM.
SiloArguments arguments;
try
{
    arguments = SiloArguments.Parse(args);
}
catch (FormatException error)
{
    await Console.Error.WriteLineAsync($"ecgscope-silo: {error.Message}\n{SiloArguments.Usage}");
    return 2;
}

await PostgresSchema.ApplyAsync(arguments.Postgres);
using var registry = new ModelRegistry(arguments.Models ?? ModelRegistry.DefaultDirectory);
var work = new TallyingWork(new RecordAnalyzerWork(EcgFile.BuiltIn.With(new AppleEcgPdfReader()), registry));
var builder = Host.CreateApplicationBuilder();
builder.Logging.AddFilter("Orleans", LogLevel.Warning);
builder.UseOrleans(silo =>
{
    silo.UsePostgres(arguments.Postgres)
        .AddEcgScopeBatches(work)
        .AddEcgScopeAnalyses(registry)
        .Configure<ClusterOptions>(options => ClusterHosting.NameCluster(options, arguments.ClusterId));
    if (arguments.Address is { } address)
    {
        silo.ConfigureEndpoints(address, arguments.SiloPort, arguments.GatewayPort);
    }
    else
    {
        silo.ConfigureEndpoints(arguments.SiloPort, arguments.GatewayPort);
    }
});

using var host = builder.Build();
var uploads = host.Services.GetRequiredService<AnalysisTally>();
await host.RunAsync();
Console.WriteLine($"ecgscope-silo: records analysed: {work.Analysed}, uploads analysed for the web app: {uploads.Analysed}");
return 0;
