using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.Storage.Relational;

/// <summary>Registers the relational store (<see cref="MonitorDbContext"/> through a factory) and creates its tables at start.</summary>
public static class RelationalServiceCollectionExtensions
{
    public static IServiceCollection AddRelationalStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RelationalOptions();
        configuration.GetSection("Storage:Relational").Bind(options);
        options.Postgres = configuration["Storage:Postgres"];
        services.AddPooledDbContextFactory<MonitorDbContext>(builder => Configure(builder, options));
        services.AddHostedService<RelationalStoreInitializer>();
        return services;
    }

    private static void Configure(DbContextOptionsBuilder builder, RelationalOptions options)
    {
        if (options.Postgres is { Length: > 0 } postgres)
        {
            builder.UseNpgsql(postgres);
            return;
        }

        var path = Path.GetFullPath(options.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
    }
}
