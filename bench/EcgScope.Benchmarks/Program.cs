using BenchmarkDotNet.Running;
using EcgScope.Benchmarks.Web;

namespace EcgScope.Benchmarks;

/// <summary>BenchmarkDotNet's switcher, or with <c>--web-load</c> first, the web app's load run (<see cref="WebLoad"/>).</summary>
internal static class BenchmarkProgram
{
    private static async Task<int> Main(string[] args)
    {
        if (args is ["--web-load", .. var options])
        {
            return await WebLoad.RunAsync(options).ConfigureAwait(false);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
