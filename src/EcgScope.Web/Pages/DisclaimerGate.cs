using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcgScope.Web.Pages;

/// <summary>A page that shows results: a person sees it only after accepting the disclaimer (remembered in a cookie).</summary>
public abstract class DisclaimerGate : PageModel
{
    /// <summary>The cookie that remembers the acceptance.</summary>
    public const string Cookie = "ecgscope-disclaimer";

    /// <summary>Whether the request carries the acceptance.</summary>
    public static bool Accepted(HttpRequest request) => request.Cookies[Cookie] == "accepted";

    /// <inheritdoc />
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Accepted(Request))
        {
            context.Result = new RedirectToPageResult("/Disclaimer", new { returnUrl = Request.Path + Request.QueryString });
        }
    }
}
