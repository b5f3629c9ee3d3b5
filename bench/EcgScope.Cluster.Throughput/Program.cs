using System.Globalization;
using EcgScope.Bulk.Batch;
using EcgScope.Cluster;
using EcgScope.Formats;
using EcgScope.Inference.Models;

// Cluster throughput: runs a batch of the first N records of a folder on a PostgreSQL cluster (or, with "local", on
// this machine's BatchRunner) and prints records per second. docs/scale-out.md has the figures and the commands.
// usage: EcgScope.Cluster.Throughput FOLDER COUNT MODELS_DIR (local | POSTGRES_CONNECTION CLUSTER_ID)
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: FOLDER COUNT MODELS_DIR (local | POSTGRES_CONNECTION CLUSTER_ID)");
    return 2;
}

var all = BatchInput.FromFolder(args[0], EcgFile.BuiltIn);
var input = all with { Records = [.. all.Records.Take(int.Parse(args[1], CultureInfo.InvariantCulture))] };
string[] models = ["rhythm-cnn"];
var resultsPath = Path.Combine(Directory.CreateTempSubdirectory("ecgscope-throughput-").FullName, "results.csv");
using var results = BatchResultsFile.Open(resultsPath, models);
BatchSummary summary;
if (args[3] == "local")
{
    using var registry = new ModelRegistry(args[2]);
    var analyzer = new RecordAnalyzer(EcgFile.BuiltIn, registry, models.Select(registry.Card));
    summary = await new BatchRunner(analyzer.Analyze).RunAsync(input, results);
}
else
{
    await using var connection = await ClusterConnection.ConnectAsync(args[3], args[4]);
    summary = await ClusterBatch.RunAsync(connection.Grains, input, results, models);
}

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{summary.Analysed} records in {summary.Elapsed.TotalSeconds:F1} s: {summary.RecordsPerSecond:F1} records/s ({summary.Failed} failed)"));
return 0;
