using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using EcgScope.Testing;

namespace EcgScope.EndToEnd;

/// <summary>
/// The real app on a real loopback socket (Kestrel on a free port), with its history and upload folder in a fresh temp
/// folder, so a real browser can reach it.
/// </summary>
public sealed class ServedApp : WebApplicationFactory<Program>
{
    private readonly string folder = TestData.TempFolder();

    /// <summary>Starts the app on 127.0.0.1 and a port the system picks.</summary>
    public ServedApp()
    {
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.Single());

        // A renamed setting would otherwise send the tests' analyses into the user's own history, silently.
        var database = Services.GetRequiredService<EcgScope.Web.Storage.AnalysisStore>().Path;
        Assert.True(database.StartsWith(folder, StringComparison.Ordinal), $"The app's history is {database}, not in the test's folder.");
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    /// <summary>The folder the labelling page labels: a.png, b.png and c.png (screenshots of the app: real images).</summary>
    public string LabellingFolder => Path.Combine(folder, "labelling");

    /// <summary>The labelling classes, keys 1..3.</summary>
    public static IReadOnlyList<string> LabellingClasses { get; } = ["normal", "abnormal", "unreadable"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As a person runs it, not the Development default of tests: static files come from the app's wwwroot, not from
        // the build's obj/ folder, which a concurrent build (the packaging tests pack the solution) may rewrite mid-test.
        builder.UseEnvironment("Production");
        var uploads = Directory.CreateDirectory(Path.Combine(folder, "uploads")).FullName;
        builder.UseSetting("Web:Database", Path.Combine(folder, "history.db"));
        builder.UseSetting("Web:UploadFolder", uploads);
        Directory.CreateDirectory(LabellingFolder);
        foreach (var (name, screenshot) in new[] { ("a.png", "start-desktop.png"), ("b.png", "history-desktop.png"), ("c.png", "start-phone.png") })
        {
            File.Copy(TestData.RepositoryFile("docs", "screenshots", screenshot), Path.Combine(LabellingFolder, name), overwrite: true);
        }

        builder.UseSetting("Labelling:Folder", LabellingFolder);
        for (var i = 0; i < LabellingClasses.Count; i++)
        {
            builder.UseSetting($"Labelling:Classes:{i}", LabellingClasses[i]);
        }
    }
}
