using ItssMonitor.Collectors;
using ItssMonitor.Server.Demo;
using ItssMonitor.Server.Health;
using ItssMonitor.Server.Ingest;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSampleStorage(builder.Configuration);
builder.Services.AddCollectors(builder.Configuration);
builder.Services.AddDemoEstate();
builder.Services.AddHealthEndpoints();
builder.Services.AddIngest(builder.Configuration);

var app = builder.Build();

app.MapHealthEndpoints();
app.MapDemoTargets();
app.MapIngest();

try
{
    // Validated here rather than inside the host's start, which would log the failure with a stack trace first.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
}
catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
{
    // Bad configuration is the operator's to fix: say what is wrong, without a stack trace in the way.
    // A value of the wrong type ("Timeout=soon") fails while binding, as an InvalidOperationException naming the key.
    Console.Error.WriteLine("ItssMonitor cannot start: the configuration is invalid.");
    foreach (var failure in exception is OptionsValidationException validation ? validation.Failures : [exception.Message])
    {
        Console.Error.WriteLine($"  - {failure}");
    }

    return 1;
}

await app.RunAsync();
return 0;
