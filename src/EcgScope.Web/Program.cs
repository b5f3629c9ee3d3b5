using EcgScope.Cluster;
using EcgScope.Configuration;
using EcgScope.Reports.Documents;
using EcgScope.Web;
using EcgScope.Web.Analyses;
using EcgScope.Web.Api;
using EcgScope.Web.Labelling;
using EcgScope.Web.LanguageModel;
using EcgScope.Web.Localization;
using EcgScope.Web.Security;
using EcgScope.Web.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Orleans.Configuration;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// EcgScope's one configuration: ecgscope.json (or --config FILE), then ECGSCOPE__ variables, then flags; refused at start, naming the key.
builder.Configuration.AddEcgScope(builder.Configuration["config"]).AddCommandLine(args);
var settings = EcgScopeConfiguration.Bind(builder.Configuration);
var limits = settings.Web;

// Requests larger than every file together (plus the form's fields) never reach a handler.
var maxRequestBytes = (limits.MaxFileBytes * limits.MaxFiles) + (1 << 20);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBytes);
builder.Services.Configure<FormOptions>(form =>
{
    form.MultipartBodyLengthLimit = maxRequestBytes;
    form.ValueCountLimit = 64;
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(settings.Web);
builder.Services.AddSingleton(settings.LanguageModel);
builder.Services.AddSingleton(_ => new AnalysisStore(settings.Web.Database));
builder.Services.AddSingleton(_ => settings.Models.OpenRegistry());
builder.Services.AddSingleton<AnalysisService>();
if (settings.Web.AnalysisOn == AnalysisPlace.Cluster)
{
    // The analysis runs on the silos of the cluster (docs/scale-out.md); this app joins it as a client at start.
    builder.Logging.AddFilter("Orleans", LogLevel.Warning);
    builder.UseOrleansClient(client => client
        .UsePostgres(settings.Cluster.ConnectionString!)
        .AddEcgScopeAnalyses()
        .Configure<ClusterOptions>(options => ClusterHosting.NameCluster(options, settings.Cluster.ClusterId)));
    builder.Services.AddSingleton<IAnalysisRunner, ClusterAnalysisRunner>();
}
else
{
    builder.Services.AddSingleton<IAnalysisRunner, LocalAnalysisRunner>();
}

builder.Services.AddSingleton<AnalysisViews>();
builder.Services.AddSingleton(new LabellingWorkspace(settings.Labelling));
builder.Services.AddHttpClient<LanguageModelClient>();
builder.Services.AddMemoryCache(cache => cache.SizeLimit = 32);
builder.Services.ConfigureHttpJsonOptions(json => ReportJson.Configure(json.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddLocalization(localization => localization.ResourcesPath = "Resources");
builder.Services.AddRazorPages().AddViewLocalization().AddDataAnnotationsLocalization();
builder.Services.AddAntiforgery();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(ReportCultures.Supported[0]),
    SupportedCultures = [.. ReportCultures.Supported],
    SupportedUICultures = [.. ReportCultures.Supported],
});
app.UseStaticFiles();
app.UseRouting();
app.UseAntiforgery();
app.MapOpenApi();
// Offline: the reference uses the system's fonts, never Scalar's font CDN.
app.MapScalarApiReference(scalar => scalar.DefaultFonts = false);
app.MapEcgScopeApi();
app.MapCultureSwitch();
app.MapRazorPages();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var urls = string.Join(", ", app.Urls);
    var database = app.Services.GetRequiredService<AnalysisStore>().Path;
    StartupLog.Ready(app.Logger, urls, database);
});
app.Run();

/// <summary>The app's entry point, named so the tests' WebApplicationFactory can find it.</summary>
public partial class Program;
