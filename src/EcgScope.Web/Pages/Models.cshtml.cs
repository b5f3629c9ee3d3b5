using EcgScope.Inference.Models;
using EcgScope.Reports.Documents;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcgScope.Web.Pages;

/// <summary>The trained models, each with what it reads, its figures and its intended use.</summary>
public sealed class ModelsModel(ModelRegistry registry) : PageModel
{
    /// <summary>The models as <c>ecgscope models</c> lists them.</summary>
    public ModelsReport Models { get; } = ModelsReport.From(registry);
}
