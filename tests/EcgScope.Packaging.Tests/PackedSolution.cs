using System.Reflection;
using EcgScope.Testing;
using EcgScope.Packaging.Tests;

[assembly: AssemblyFixture(typeof(PackedSolution))]

namespace EcgScope.Packaging.Tests;

/// <summary>
/// The solution packed once per test run (<c>dotnet pack EcgScope.slnx -o TEMP</c>), as a user or CI would pack it.
/// </summary>
public sealed class PackedSolution : IAsyncLifetime
{
    /// <summary>The repository root: the nearest folder above the tests that holds EcgScope.slnx.</summary>
    public string RepositoryRoot { get; } = TestData.RepositoryRoot;

    /// <summary>The folder holding the .nupkg and .snupkg files.</summary>
    public string Folder { get; } = TestData.TempFolder();

    /// <summary>The package version, from Directory.Build.props like this assembly's own.</summary>
    public string Version { get; } = typeof(PackedSolution).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>Every package in <see cref="Folder"/>, read.</summary>
    public IReadOnlyList<NuGetPackage> Packages { get; private set; } = [];

    /// <summary>The package with <paramref name="id"/>; fails the test when there is none.</summary>
    public NuGetPackage Package(string id) =>
        Packages.SingleOrDefault(package => package.Id == id) ?? throw new Xunit.Sdk.XunitException($"No package {id} in {Folder}.");

    /// <summary>A nuget.config whose only sources are the packed packages and <paramref name="moreSources"/>, so restores stay offline.</summary>
    public string WriteNuGetConfig(string folder, params string[] moreSources)
    {
        var sources = string.Concat(new[] { Folder }.Concat(moreSources).Select((source, index) => $"""<add key="source{index}" value="{source}" />"""));
        var path = Path.Combine(folder, "nuget.config");
        File.WriteAllText(path, $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear />{sources}</packageSources></configuration>""");
        return path;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var configuration = typeof(PackedSolution).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "Configuration").Value!;
        await DotnetCli.RunAsync(RepositoryRoot, null, "pack", "EcgScope.slnx", "-c", configuration, "-o", Folder, "-nodeReuse:false");
        Packages = [.. Directory.EnumerateFiles(Folder, "*.nupkg").Select(NuGetPackage.Open)];
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var package in Packages)
        {
            package.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
