using ItssMonitor.Core.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// Checks the settings and the monitoring file before a host starts, so that an operator's mistake reads
/// as a list of what is wrong and where, not as a stack trace (the host's own start would log one first).
/// </summary>
public static class StartupValidation
{
    /// <returns>False, after writing every problem to <paramref name="errors"/>, when the host must not start.</returns>
    public static bool Succeeds(IServiceProvider services, string product, TextWriter errors)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();

            // The monitoring file is read when its source is created.
            services.GetRequiredService<IMonitoringConfigurationSource>();
            return true;
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException or MonitoringFileException)
        {
            // A value of the wrong type ("Timeout=soon") fails while binding, as an InvalidOperationException naming the key.
            errors.WriteLine($"{product} cannot start: the configuration is invalid.");
            IEnumerable<string> failures = exception switch
            {
                OptionsValidationException validation => validation.Failures,
                MonitoringFileException monitoringFile => monitoringFile.Errors.Select(error => error.ToString()),
                _ => [exception.Message],
            };
            foreach (var failure in failures)
            {
                errors.WriteLine($"  - {failure}");
            }

            return false;
        }
    }
}
