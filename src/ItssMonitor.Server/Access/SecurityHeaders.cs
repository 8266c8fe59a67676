namespace ItssMonitor.Server.Access;

/// <summary>
/// Headers on every response that keep browsers from being turned against the product: no MIME sniffing, no framing
/// (clickjacking an Acknowledge button), no full URLs leaked as referrers, and a Content-Security-Policy that allows
/// only the server's own scripts and connections (the Blazor circuit, the hub). Inline styles stay allowed: Radzen's
/// components set style attributes. HSTS only over HTTPS, where a browser honours it (UseHsts).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.UseHsts();
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
    }
}
