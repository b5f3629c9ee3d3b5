using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EcgScope.Benchmarks.Web;

/// <summary>
/// The web benchmarks run in this process: a generated benchmark project would build with the repository's
/// InvariantGlobalization (the app needs cultures) and take minutes to build on a busy machine. Short run: 3 warm-ups,
/// 3 iterations.
/// </summary>
public sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}

/// <summary>In this process, one invocation per iteration (each after its own setup), 3 warm-ups and 15 iterations.</summary>
public sealed class InProcessSingleInvocations : ManualConfig
{
    public InProcessSingleInvocations() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithInvocationCount(1).WithUnrollFactor(1));
}
