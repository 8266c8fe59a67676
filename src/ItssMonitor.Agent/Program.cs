using ItssMonitor.Agent;
using ItssMonitor.Collectors;
using ItssMonitor.Collectors.Configuration;
using Microsoft.Extensions.Hosting;

// A collector for another site: runs the probes of its own monitoring file and pushes the samples to a
// server's ingest API, keeping them on disk while the server cannot be reached.
// appsettings.json is read from beside the program, wherever it is started from (see the server's Program.cs).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddCollectors(builder.Configuration);
builder.Services.AddMonitoringFile(builder.Configuration);
builder.Services.AddAgentPush(builder.Configuration);

var host = builder.Build();

if (!StartupValidation.Succeeds(host.Services, "ItssMonitor agent", Console.Error))
{
    return 1;
}

await host.RunAsync();
return 0;
