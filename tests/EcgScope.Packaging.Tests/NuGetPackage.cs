using System.IO.Compression;
using System.Xml.Linq;

namespace EcgScope.Packaging.Tests;

/// <summary>A .nupkg opened for reading: its file list and the metadata of its .nuspec.</summary>
public sealed class NuGetPackage : IDisposable
{
    private readonly ZipArchive archive;

    private NuGetPackage(string path)
    {
        Path = path;
        archive = ZipFile.OpenRead(path);
        var nuspec = archive.Entries.Single(entry => !entry.FullName.Contains('/', StringComparison.Ordinal) && entry.Name.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
    }

    /// <summary>The .nupkg file.</summary>
    public string Path { get; }

    /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
    public XElement Metadata { get; }

    /// <summary>The package id.</summary>
    public string Id => Value("id")!;

    /// <summary>Whether this is a .NET tool package rather than a library.</summary>
    public bool IsTool => Metadata.Descendants().Any(element => element.Name.LocalName == "packageType" && (string?)element.Attribute("name") == "DotnetTool");

    /// <summary>Paths of the files in the package, with forward slashes.</summary>
    public IEnumerable<string> Files => archive.Entries.Select(entry => entry.FullName);

    /// <summary>The symbols package (.snupkg) beside this package.</summary>
    public string SymbolsPath => System.IO.Path.ChangeExtension(Path, ".snupkg");

    /// <summary>The text of a metadata element such as "version" or "readme"; null when absent.</summary>
    public string? Value(string element) => Element(element)?.Value;

    /// <summary>A metadata element; null when absent.</summary>
    public XElement? Element(string name) => Metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name);

    /// <summary>The ids and versions this package depends on, over all target frameworks.</summary>
    public IEnumerable<(string Id, string Version)> Dependencies =>
        Metadata.Descendants().Where(element => element.Name.LocalName == "dependency")
            .Select(element => ((string)element.Attribute("id")!, (string)element.Attribute("version")!));

    /// <summary>Opens the package at <paramref name="path"/>.</summary>
    public static NuGetPackage Open(string path) => new(path);

    /// <inheritdoc />
    public void Dispose() => archive.Dispose();
}
