namespace EcgScope.ML.Tests;

/// <summary>
/// Classes that seed libtorch's global random generator and then draw from it: one at a time, so two fixtures
/// built at once do not interleave their draws and each network is the same on every run.
/// </summary>
[CollectionDefinition(nameof(SeededTorch), DisableParallelization = true)]
public sealed class SeededTorch;
