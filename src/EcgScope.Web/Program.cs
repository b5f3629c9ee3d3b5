using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;
using EcgScope.Web;
using EcgScope.Web.Analyses;
using EcgScope.Web.Api;
using EcgScope.Web.LanguageModel;
using EcgScope.Web.Localization;
using EcgScope.Web.Security;
using EcgScope.Web.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection(WebOptions.Section);
builder.Services.Configure<WebOptions>(settings);
var limits = settings.Get<WebOptions>() ?? new WebOptions();

// Requests larger than every file together (plus the form's fields) never reach a handler.
var maxRequestBytes = (limits.MaxFileBytes * limits.MaxFiles) + (1 << 20);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBytes);
builder.Services.Configure<FormOptions>(form =>
{
    form.MultipartBodyLengthLimit = maxRequestBytes;
    form.ValueCountLimit = 64;
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(services => new AnalysisStore(services.GetRequiredService<IOptions<WebOptions>>().Value.Database));
builder.Services.AddSingleton(_ => new ModelRegistry(ModelRegistry.DefaultDirectory));
builder.Services.AddSingleton<AnalysisService>();
builder.Services.AddSingleton<AnalysisViews>();
builder.Services.Configure<LanguageModelOptions>(builder.Configuration.GetSection(LanguageModelOptions.Section));
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
app.MapScalarApiReference();
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
