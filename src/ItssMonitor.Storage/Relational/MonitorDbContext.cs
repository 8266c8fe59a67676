using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.Storage.Relational;

/// <summary>
/// The relational store (EF Core): alerts, their incidents' timelines, notification deliveries. SQLite by
/// default, PostgreSQL when <c>Storage:Postgres</c> is set. Each table is configured in its own
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside its record type; use <c>Set&lt;T&gt;()</c>.
/// </summary>
public sealed class MonitorDbContext(DbContextOptions<MonitorDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MonitorDbContext).Assembly);

    // Times are stored as Unix milliseconds: SQLite cannot compare or order DateTimeOffset in queries, and one
    // representation keeps both providers' queries the same.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }
}
