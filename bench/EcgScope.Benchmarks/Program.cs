using BenchmarkDotNet.Running;
using EcgScope.Benchmarks;

if (args is ["qrs-table", ..])
{
    var folder = args.Length > 1
        ? args[1]
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ecgscope", "data", "mitdb");
    QrsTable.Print(folder);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
