using System.IO.Compression;

namespace EcgScope.Packaging.Tests;

public sealed class LibraryPackageTests(PackedSolution packed)
{
    [Fact]
    public void Each_source_project_packs_as_a_library_named_after_it_and_the_cli_as_the_ecgscope_tool()
    {
        // The training side (TorchSharp and 600 MB of libtorch) is built from the repository, never published; the web
        // app and the silo host are applications, run from the repository, not libraries.
        string[] notPackaged = ["EcgScope.ML", "EcgScope.Training", "EcgScope.Web", "EcgScope.Cluster.Silo"];
        var libraries = Directory.EnumerateFiles(Path.Combine(packed.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "EcgScope.Cli" && !notPackaged.Contains(name))
            .Order(StringComparer.Ordinal);

        Assert.Equal(libraries, packed.Packages.Where(package => !package.IsTool).Select(package => package.Id).Order(StringComparer.Ordinal));
        Assert.True(packed.Package("ecgscope").IsTool);
        Assert.Superset(new HashSet<string> { "EcgScope.Core", "EcgScope.Formats", "EcgScope.Signal" }, packed.Packages.Select(package => package.Id).ToHashSet());
    }

    [Fact]
    public void Every_package_has_the_version_readme_mit_licence_and_repository()
    {
        foreach (var package in packed.Packages)
        {
            Assert.Equal(packed.Version, package.Value("version"));
            Assert.Equal("EcgScope contributors", package.Value("authors"));
            Assert.Equal("README.md", package.Value("readme"));
            Assert.Contains("README.md", package.Files);
            var license = package.Element("license");
            Assert.True(license is not null, $"{package.Id} has no licence.");
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            var repository = package.Element("repository");
            Assert.True(repository is not null, $"{package.Id} names no repository.");
            Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
            if (BuiltFromGitCheckout)
            {
                Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
            }

            Assert.False(string.IsNullOrWhiteSpace(package.Value("description")), $"{package.Id} has no description.");
        }
    }

    /// <summary>Whether the repository is a git checkout (a clone or worktree), from which the SDK reads the commit.</summary>
    private bool BuiltFromGitCheckout => Path.Exists(Path.Combine(packed.RepositoryRoot, ".git"));

    [Fact]
    public void Library_packages_hold_the_assembly_and_its_xml_docs_and_symbols_packages_its_pdb()
    {
        foreach (var package in packed.Packages.Where(package => !package.IsTool))
        {
            Assert.Contains($"lib/net10.0/{package.Id}.dll", package.Files);
            Assert.Contains($"lib/net10.0/{package.Id}.xml", package.Files);
            using var symbols = ZipFile.OpenRead(package.SymbolsPath);
            Assert.Contains($"lib/net10.0/{package.Id}.pdb", symbols.Entries.Select(entry => entry.FullName));
        }
    }

    [Fact]
    public void Formats_and_Signal_depend_on_Core_of_the_same_version()
    {
        Assert.Contains(("EcgScope.Core", packed.Version), packed.Package("EcgScope.Formats").Dependencies);
        Assert.Contains(("EcgScope.Core", packed.Version), packed.Package("EcgScope.Signal").Dependencies);
        Assert.Empty(packed.Package("EcgScope.Core").Dependencies);
    }

    [Fact]
    public void Only_the_pdf_package_pulls_in_PdfPig()
    {
        // A program that reads WFDB or EDF files must not pull a PDF library in with EcgScope.Formats.
        Assert.DoesNotContain(packed.Package("EcgScope.Formats").Dependencies, dependency => dependency.Id == "PdfPig");
        var pdf = packed.Package("EcgScope.Formats.Pdf").Dependencies;
        Assert.Contains(pdf, dependency => dependency.Id == "PdfPig");
        Assert.Contains(("EcgScope.Formats", packed.Version), pdf);
    }
}
