using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using EcgScope.Testing;

namespace EcgScope.Web.Tests;

/// <summary>The real app in this process, with its history and upload folder in a fresh temp folder; more settings may be given.</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    private readonly (string Key, string Value)[] settings;
    private readonly Action<IServiceCollection>? services;

    /// <summary>The app with its defaults (as an xunit class fixture).</summary>
    public WebAppFactory()
        : this([])
    {
    }

    /// <summary>The app with <paramref name="settings"/> added to its configuration.</summary>
    internal WebAppFactory(params (string Key, string Value)[] settings) => this.settings = settings;

    /// <summary>The app with <paramref name="services"/> replacing some of its own (after the app registered them).</summary>
    internal WebAppFactory(Action<IServiceCollection> services)
        : this([]) => this.services = services;

    public string Folder { get; } = TestData.TempFolder();

    public string UploadFolder => Path.Combine(Folder, "uploads");

    /// <summary>A client that has accepted the disclaimer and follows no redirects (tests look at them).</summary>
    public HttpClient CreateAcceptedClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // A renamed setting would otherwise send the tests' analyses into the user's own history, silently.
        var database = Services.GetRequiredService<EcgScope.Web.Storage.AnalysisStore>().Path;
        Assert.True(database.StartsWith(Folder, StringComparison.Ordinal), $"The app's history is {database}, not in the test's folder.");
        client.DefaultRequestHeaders.Add("Cookie", "ecgscope-disclaimer=accepted");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(UploadFolder);
        builder.UseSetting("Web:Database", Path.Combine(Folder, "history.db"));
        builder.UseSetting("Web:UploadFolder", UploadFolder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
