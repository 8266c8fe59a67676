using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ItssMonitor.Storage.Relational;

/// <summary>
/// Creates the relational store's database and whichever of its tables and indexes are missing. Unlike EF Core's
/// <c>EnsureCreated</c>, which does nothing once a database holds any table, this works in a database shared with
/// Hangfire's tables and adds the tables a newer version brings. Changing an existing table needs migrations;
/// the README's design notes say when to introduce them.
/// </summary>
public static class RelationalSchema
{
    private static readonly (string Statement, string Guarded)[] Guards =
    [
        ("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "),
        ("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS "),
        ("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "),
    ];

    public static async Task CreateAsync(MonitorDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        var script = context.Database.GenerateCreateScript();
        foreach (var (statement, guarded) in Guards)
        {
            script = script.Replace(statement, guarded, StringComparison.Ordinal);
        }

        // Nodes starting together may both find a table missing; the transaction makes each node's script all or nothing.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync(script, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
