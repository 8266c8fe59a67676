using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// The push ingest API: <c>POST /api/v1/samples</c> (JSON), <c>POST /api/v1/write</c> (InfluxDB line protocol) and
/// <c>/api/v1/query</c> (CREATE DATABASE only, for Telegraf), API-key authenticated and rate limited per key.
/// </summary>
internal static class IngestEndpoints
{
    private const string RateLimitPolicy = "ingest";

    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddProblemDetails();
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<MonitoringSnapshot>();
        services.AddHostedService(provider => provider.GetRequiredService<MonitoringSnapshot>());
        services.AddSingleton<SampleIntake>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.Identity?.Name ?? "",
                _ =>
                {
                    var options = context.RequestServices.GetRequiredService<IOptions<IngestOptions>>().Value;
                    return new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.RequestBurst,
                        TokensPerPeriod = options.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    };
                }));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>Maps the endpoints and adds the middleware they need (authentication, authorization, rate limiting, in that order).</summary>
    public static WebApplication MapIngest(this WebApplication app)
    {
        // The rate limiter partitions by API key name, so it must run after authentication has found the key.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        var requireKey = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
        var api = app.MapGroup("/api/v1").RequireAuthorization(requireKey).RequireRateLimiting(RateLimitPolicy);
        api.MapPost("/samples", SamplesEndpoint.HandleAsync);
        api.MapPost("/write", WriteEndpoint.HandleAsync);
        api.MapMethods("/query", [HttpMethods.Get, HttpMethods.Post], QueryEndpoint.HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"API key '{context.User.Identity?.Name}' is over its rate limit (Ingest:RequestsPerSecond, Ingest:RequestBurst); retry after {seconds} s.",
            },
        });
    }
}
