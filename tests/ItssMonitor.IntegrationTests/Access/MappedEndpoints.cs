using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// Every endpoint the server maps, read from its <see cref="EndpointDataSource"/> with the server started in this
/// process (WebApplicationFactory): API routes, Blazor page routes and circuit, the hub, <c>/hangfire</c>, static
/// assets (one entry for them all). Each with the access its metadata declares, null when it declares none (then the
/// fallback policy, Viewer, applies).
/// </summary>
public static class MappedEndpoints
{
    public static async Task<IReadOnlyDictionary<string, Access?>> ListAsync()
    {
        var data = Directory.CreateTempSubdirectory("itss-endpoints-");
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
                // As the server runs for real: Development adds endpoints of its own.
                .UseEnvironment("Production")
                .UseSetting("Storage:Sqlite:Path", Path.Combine(data.FullName, "samples.db"))
                .UseSetting("Storage:Relational:Path", Path.Combine(data.FullName, "itssmonitor.db")));
            // Creating a client starts the host, which maps the endpoints.
            using var client = factory.CreateClient();
            var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
            var assets = endpoints.Where(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).ToList();
            var mapped = endpoints.Except(assets).ToDictionary(Key, Declared);
            mapped[$"GET,HEAD {AccessTable.StaticAssets}"] = assets.Select(Declared).Distinct().SingleOrDefault();
            return mapped;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static string Key(RouteEndpoint endpoint) =>
        $"{(endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? string.Join(',', methods) : "*")} {endpoint.RoutePattern.RawText}";

    private static Access? Declared(RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Access.Anonymous;
        }

        if (metadata.GetOrderedMetadata<AuthorizationPolicy>().Any(policy => policy.AuthenticationSchemes.Contains("IngestApiKey")))
        {
            return Access.ApiKey;
        }

        var policies = metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).ToHashSet();
        return policies switch
        {
            _ when policies.Contains("Admin") => Access.Admin,
            _ when policies.Contains("Operator") => Access.Operator,
            _ when policies.Contains("Metrics") => Access.ViewerOrApiKey,
            _ when policies.Contains("Viewer") => Access.Viewer,
            _ => null,
        };
    }
}
