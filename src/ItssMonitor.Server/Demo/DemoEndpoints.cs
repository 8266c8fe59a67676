using ItssMonitor.Core.Monitoring;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ItssMonitor.Server.Demo;

/// <summary>Hosts the <see cref="DemoTarget"/>s and makes the demo estate the monitoring configuration.</summary>
internal static class DemoEndpoints
{
    /// <summary>The default: does nothing when another monitoring configuration source (the monitoring file) is registered.</summary>
    public static IServiceCollection AddDemoEstate(this IServiceCollection services)
    {
        services.TryAddSingleton<IMonitoringConfigurationSource, DemoEstate>();
        return services;
    }

    public static IEndpointRouteBuilder MapDemoTargets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var target in DemoTarget.All)
        {
            endpoints.MapGet(target.Path, (TimeProvider time, CancellationToken cancellationToken) => AnswerAsync(target, time, cancellationToken))
                .ExcludeFromDescription()
                // The server's own probes call these without credentials.
                .AllowAnonymous();
        }

        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(DemoTarget target, TimeProvider time, CancellationToken cancellationToken)
    {
        if (target.IsInOutage(time.GetUtcNow()))
        {
            return Results.Problem($"{target.Service} is in its scheduled demo outage.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var random = Random.Shared;
        var latency = target.TypicalLatencyMs * (0.7 + 0.6 * random.NextDouble());
        if (random.NextDouble() < target.SlowChance)
        {
            latency *= 4 + 4 * random.NextDouble();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(latency), time, cancellationToken);
        return random.NextDouble() < target.ErrorChance
            ? Results.Problem($"{target.Service} failed this request (demo error).", statusCode: StatusCodes.Status500InternalServerError)
            : Results.Ok(new { status = "ok", service = target.Service });
    }
}
