using System.Globalization;
using System.Text.RegularExpressions;
using EcgScope.Testing;

namespace EcgScope.Packaging.Tests;

/// <summary>
/// docs/examples/LibraryExample.cs is the README's "Use it as a library" example; it is built as a user would build
/// it, against the packed packages, and run on the bundled sample.
/// </summary>
public sealed partial class LibraryExampleTests(PackedSolution packed)
{
    /// <summary>Reference beat annotations in samples/mitdb-100-60s.atr (ecgscope info: beatAnnotationCount).</summary>
    private const int AnnotatedBeats = 74;

    private string ExamplePath => Path.Combine(packed.RepositoryRoot, "docs", "examples", "LibraryExample.cs");

    [Fact]
    public void The_readme_quotes_the_example_file_exactly()
    {
        var readme = File.ReadAllText(Path.Combine(packed.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Use it as a library", StringComparison.Ordinal)..];
        var quoted = CSharpBlock().Match(section);

        Assert.True(quoted.Success, "The README's 'Use it as a library' section has no ```csharp block.");
        Assert.Equal(Normalized(File.ReadAllText(ExamplePath)), Normalized(quoted.Groups["code"].Value));
    }

    [Fact]
    public async Task The_example_builds_against_the_packages_and_measures_the_sample()
    {
        var folder = TestData.TempFolder();
        File.Copy(ExamplePath, Path.Combine(folder, "Program.cs"));
        File.WriteAllText(Path.Combine(folder, "LibraryExample.csproj"), ConsumerProject(packed.Version));
        // The packed packages plus the machine's package cache (for PdfPig): the restore needs no network, and a
        // private cache keeps these packages out of the machine's cache, where a later pack of the same version would be shadowed.
        packed.WriteNuGetConfig(folder, await GlobalPackagesFolderAsync(folder));
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(folder, "packages") };

        var sample = Path.Combine(packed.RepositoryRoot, "samples", "mitdb-100-60s.hea");
        var output = await DotnetCli.RunAsync(folder, environment, "run", "-c", "Release", "--", sample);

        var leads = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => LeadLine().Match(line))
            .ToList();
        Assert.True(leads.All(lead => lead.Success), $"Unexpected output:\n{output}");
        Assert.Equal(["MLII", "V5"], leads.Select(lead => lead.Groups["lead"].Value));
        foreach (var lead in leads)
        {
            Assert.InRange(int.Parse(lead.Groups["peaks"].Value, CultureInfo.InvariantCulture), AnnotatedBeats - 1, AnnotatedBeats + 1);
            Assert.InRange(int.Parse(lead.Groups["bpm"].Value, CultureInfo.InvariantCulture), 72, 76);
        }
    }

    /// <summary>What <c>dotnet new console</c> and two <c>dotnet add package</c> give.</summary>
    private static string ConsumerProject(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="EcgScope.Formats" Version="{version}" />
            <PackageReference Include="EcgScope.Signal" Version="{version}" />
          </ItemGroup>
        </Project>
        """;

    private static async Task<string> GlobalPackagesFolderAsync(string folder)
    {
        var listing = await DotnetCli.RunAsync(folder, null, "nuget", "locals", "global-packages", "--list");
        return listing.Trim()["global-packages:".Length..].Trim();
    }

    private static string Normalized(string code) => code.ReplaceLineEndings("\n").Trim();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^(?<lead>\S+): (?<peaks>\d+) R-peaks, (?<bpm>\d+) bpm$")]
    private static partial Regex LeadLine();
}
