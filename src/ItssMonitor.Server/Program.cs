using ItssMonitor.Collectors;
using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Server.Access;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Cluster;
using ItssMonitor.Server.Demo;
using ItssMonitor.Server.Errors;
using ItssMonitor.Server.Health;
using ItssMonitor.Server.Ingest;
using ItssMonitor.Server.Jobs;
using ItssMonitor.Server.Maintenance;
using ItssMonitor.Server.Metrics;
using ItssMonitor.Server.Notifications;
using ItssMonitor.Server.Pages;
using ItssMonitor.Server.Reports;
using ItssMonitor.Server.Security;
using ItssMonitor.Server.Sla;
using ItssMonitor.Server.Status;
using ItssMonitor.Server.Wall;
using ItssMonitor.Storage;
using ItssMonitor.Storage.Relational;

// appsettings.json is read from beside the program, so starting it from any directory behaves the same;
// relative paths in the settings (data/, the monitoring file) are still taken from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddSampleStorage(builder.Configuration);
builder.Services.AddRelationalStore(builder.Configuration);
builder.Services.AddCollectors(builder.Configuration);
builder.Services.AddCluster(builder.Configuration);
// What is monitored: the file at Monitoring:File when one is set, otherwise the demo estate.
builder.Services.AddMonitoringFile(builder.Configuration);
builder.Services.AddDemoEstate();
builder.Services.AddStatusTracking(builder.Configuration);
builder.Services.AddHealthEndpoints();
builder.Services.AddMetricsEndpoint();
builder.Services.AddIngest(builder.Configuration);
builder.Services.AddPages();
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddSlaEvaluation(builder.Configuration);
builder.Services.AddSecurityEvaluation(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddAlerting(builder.Configuration);
builder.Services.AddOperatorMaintenance();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddAccessControl(builder.Configuration);
builder.Services.AddMalformedRequestProblems();

var app = builder.Build();

app.UseMalformedRequestProblems();
app.MapAccessControl();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapDemoTargets();
app.MapStatusEndpoints();
app.MapCluster();
app.MapIngest();
app.MapPages();
app.MapWall();
app.MapJobs();
app.MapSla();
app.MapAlerts();
app.MapOperatorMaintenance();
app.MapReports();

if (!StartupValidation.Succeeds(app.Services, "ItssMonitor", Console.Error))
{
    return 1;
}

await app.RunAsync();
return 0;
