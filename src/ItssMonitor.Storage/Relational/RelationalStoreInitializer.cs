using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Storage.Relational;

/// <summary>Creates the relational store's missing tables at start.</summary>
internal sealed partial class RelationalStoreInitializer(IDbContextFactory<MonitorDbContext> contexts, ILogger<RelationalStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await RelationalSchema.CreateAsync(context, cancellationToken);
        LogReady(context.Database.ProviderName ?? "?");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts and incidents are stored with {Provider}")]
    private partial void LogReady(string provider);
}
