namespace EcgScope.Web.Security;

/// <summary>Headers on every response: a content security policy without inline script, no framing, no sniffing, no referrer.</summary>
public static class SecurityHeaders
{
    /// <summary>The policy: everything from the app itself; styles and images may be inline (SVG traces), scripts never.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers before the response starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        var isApiReference = context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);

        // The API reference page (Scalar) runs its own inline bootstrap script and evaluates code; it shows no person's data.
        headers.ContentSecurityPolicy = isApiReference
            ? "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    });
}
