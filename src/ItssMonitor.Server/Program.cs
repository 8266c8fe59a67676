using ItssMonitor.Collectors;
using ItssMonitor.Server.Demo;
using ItssMonitor.Server.Health;
using ItssMonitor.Storage;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSampleStorage(builder.Configuration);
builder.Services.AddCollectors(builder.Configuration);
builder.Services.AddDemoEstate();
builder.Services.AddHealthEndpoints();

var app = builder.Build();

app.MapHealthEndpoints();
app.MapDemoTargets();

try
{
    await app.RunAsync();
}
catch (OptionsValidationException exception)
{
    // Bad configuration is the operator's to fix: say what is wrong, without a stack trace in the way.
    Console.Error.WriteLine("ItssMonitor cannot start: the configuration is invalid.");
    foreach (var failure in exception.Failures)
    {
        Console.Error.WriteLine($"  - {failure}");
    }

    return 1;
}

return 0;
