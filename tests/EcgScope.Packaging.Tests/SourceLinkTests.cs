using System.ComponentModel;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;

namespace EcgScope.Packaging.Tests;

public sealed class SourceLinkTests(PackedSolution packed)
{
    /// <summary>The portable-PDB custom debug information that holds the SourceLink JSON.</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public async Task Library_pdbs_map_sources_to_GitHub_when_the_repository_has_a_GitHub_remote()
    {
        var remote = await OriginUrlAsync(packed.RepositoryRoot);
        if (remote is null || !remote.Contains("github.com", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Skip("The repository has no GitHub remote 'origin', so the SDK's SourceLink has nothing to map to (docs/packaging.md).");
        }

        foreach (var package in packed.Packages.Where(package => !package.IsTool))
        {
            var sourceLink = SourceLinkJson(package.SymbolsPath, $"lib/net10.0/{package.Id}.pdb");
            Assert.True(sourceLink is not null, $"{package.Id}'s pdb has no SourceLink.");
            Assert.Contains("https://raw.githubusercontent.com/", sourceLink, StringComparison.Ordinal);
        }
    }

    private static async Task<string?> OriginUrlAsync(string repository)
    {
        try
        {
            var result = await DotnetCli.RunProgramAsync("git", repository, null, "remote", "get-url", "origin");
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null; // git is not installed
        }
    }

    private static string? SourceLinkJson(string symbolsPackage, string pdbPath)
    {
        using var archive = ZipFile.OpenRead(symbolsPackage);
        using var pdb = new MemoryStream();
        using (var entry = archive.GetEntry(pdbPath)!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        return reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation)
            .Where(information => reader.GetGuid(information.Kind) == SourceLinkKind)
            .Select(information => Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value)))
            .SingleOrDefault();
    }
}
