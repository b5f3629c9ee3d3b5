using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EcgScope.Web.Pages;

/// <summary>The disclaimer a person accepts before the first result.</summary>
public sealed class DisclaimerModel : PageModel
{
    /// <summary>The page to go on to.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Remembers the acceptance and goes on.</summary>
    public IActionResult OnPost()
    {
        Response.Cookies.Append(DisclaimerGate.Cookie, "accepted", new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax,
        });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
