using ItssMonitor.Collectors;
using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Server.Demo;
using ItssMonitor.Server.Health;
using ItssMonitor.Server.Metrics;
using ItssMonitor.Server.Status;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSampleStorage(builder.Configuration);
builder.Services.AddCollectors(builder.Configuration);
// What is monitored: the file at Monitoring:File when one is set, otherwise the demo estate.
builder.Services.AddMonitoringFile(builder.Configuration);
builder.Services.AddDemoEstate();
builder.Services.AddStatusTracking();
builder.Services.AddHealthEndpoints();
builder.Services.AddMetricsEndpoint();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapDemoTargets();
app.MapStatusEndpoints();

try
{
    // Validated here rather than inside the host's start, which would log the failure with a stack trace first.
    app.Services.GetRequiredService<IStartupValidator>().Validate();

    // The monitoring file is read when its source is created.
    app.Services.GetRequiredService<IMonitoringConfigurationSource>();
}
catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException or MonitoringFileException)
{
    // Bad configuration is the operator's to fix: say what is wrong, without a stack trace in the way.
    // A value of the wrong type ("Timeout=soon") fails while binding, as an InvalidOperationException naming the key.
    Console.Error.WriteLine("ItssMonitor cannot start: the configuration is invalid.");
    IEnumerable<string> failures = exception switch
    {
        OptionsValidationException validation => validation.Failures,
        MonitoringFileException monitoringFile => monitoringFile.Errors.Select(error => error.ToString()),
        _ => [exception.Message],
    };
    foreach (var failure in failures)
    {
        Console.Error.WriteLine($"  - {failure}");
    }

    return 1;
}

await app.RunAsync();
return 0;
