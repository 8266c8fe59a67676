using Hangfire;
using ItssMonitor.Server.Access;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Jobs;

/// <summary>
/// Background jobs on Hangfire: in-memory storage by default, PostgreSQL when <c>Hangfire:Postgres</c> is set
/// (then every node sharing it shares one queue and one schedule); the recurring rollup and retention jobs;
/// the read-only dashboard at <c>/hangfire</c>.
/// </summary>
internal static class JobsEndpoints
{
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection("Hangfire"))
            .Bind(configuration.GetSection("Jobs"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var postgres = configuration["Hangfire:Postgres"];
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (postgres is { Length: > 0 })
            {
                hangfire.UsePostgreSqlStorage(connection => connection.UseNpgsqlConnection(postgres), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true });
            }
            else
            {
                hangfire.UseInMemoryStorage();
            }
        });
        services.AddHangfireServer((provider, server) =>
            server.SchedulePollingInterval = provider.GetRequiredService<IOptions<JobsOptions>>().Value.SchedulePollingInterval);

        services.AddTransient<RollupJob>();
        services.AddTransient<RetentionJob>();
        services.AddHostedService<RecurringJobRegistration>();
        return services;
    }

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new DashboardAccess()],
            // Read-only: jobs run on their schedule; nobody triggers, deletes or requeues them from the page.
            IsReadOnlyFunc = _ => true,
            DashboardTitle = "ItssMonitor jobs",
        }).RequireAuthorization(AccessPolicies.Admin);
        return endpoints;
    }
}
