using Microsoft.AspNetCore.Localization;

namespace EcgScope.Web.Localization;

/// <summary><c>POST /culture</c>: remembers the chosen language in a cookie and goes back to the page it was chosen on.</summary>
public static class CultureSwitch
{
    /// <summary>Maps the endpoint (a form with antiforgery).</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/culture", (HttpContext context, IFormCollection form) =>
        {
            var culture = ReportCultures.Resolve(form["culture"]);
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var back = form["returnUrl"].ToString();
            return Results.LocalRedirect(back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/");
        });
}
