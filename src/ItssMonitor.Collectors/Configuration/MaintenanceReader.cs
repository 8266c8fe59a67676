using System.Globalization;
using System.Text.RegularExpressions;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// Reads the monitoring file's <c>maintenance:</c> section: each window is either one-off (<c>start</c>, <c>end</c>)
/// or recurring (<c>cron</c>, <c>duration</c>), for services declared in the file or <c>"*"</c>.
/// </summary>
internal static partial class MaintenanceReader
{
    private const string Section = "maintenance";
    private const string TimeExamples = "2026-10-20T02:00:00Z or 2026-10-20T04:00:00+02:00";
    private const string EitherForm = "either start and end (a one-off window) or cron and duration (a recurring window)";

    private static readonly string[] Keys = ["name", "services", "start", "end", "cron", "duration"];
    private static readonly string[] FixedKeys = ["start", "end"];
    private static readonly string[] RecurringKeys = ["cron", "duration"];

    /// <param name="root">The file's top-level mapping.</param>
    /// <param name="serviceNames">The services the file declares; empty when it declares none (already an error).</param>
    public static MaintenanceCalendar Read(MappingFields root, IReadOnlyCollection<string> serviceNames, ParseErrors errors)
    {
        var services = new DeclaredNames("service", serviceNames, $"a service declared under services, or \"{MaintenanceWindow.EveryService}\" for every service", MaintenanceWindow.EveryService);
        var names = new UniqueNames("maintenance window");
        var windows = root.Entries(Section, (node, path) => ReadWindow(node, path, errors, services, serviceNames.Count > 0, names));
        return windows.Count == 0 ? MaintenanceCalendar.Empty : new MaintenanceCalendar(windows);
    }

    private static MaintenanceWindow? ReadWindow(YamlNode node, string path, ParseErrors errors, DeclaredNames declared, bool checkServices, UniqueNames names)
    {
        if (MappingFields.Read(node, path, errors) is not { } fields)
        {
            return null;
        }

        fields.RejectUnknownKeys(Keys);
        fields.Require("name", "required: the window's name, unique in the file");
        var name = fields.Name("name");
        names.Claim(name, fields, "name");
        var services = ReadServices(fields, errors, declared, checkServices);

        var isFixed = FixedKeys.Any(fields.Has);
        var isRecurring = RecurringKeys.Any(fields.Has);
        if (isFixed && isRecurring)
        {
            var given = Keys.Where(key => FixedKeys.Contains(key) || RecurringKeys.Contains(key)).Where(fields.Has);
            fields.InvalidMapping($"give {EitherForm}, not both; got {YamlValueText.List(given)}");
            return null;
        }

        if (!isFixed && !isRecurring)
        {
            fields.InvalidMapping($"required: {EitherForm}");
            return null;
        }

        if (isFixed)
        {
            return ReadPeriod(fields) is { } period && name is not null && services is not null
                ? new FixedMaintenanceWindow(name, services, period)
                : null;
        }

        var (schedule, duration) = ReadRecurrence(fields);
        return schedule is not null && duration is { } length && name is not null && services is not null
            ? new RecurringMaintenanceWindow(name, services, schedule, length)
            : null;
    }

    private static List<string>? ReadServices(MappingFields fields, ParseErrors errors, DeclaredNames declared, bool checkServices)
    {
        fields.Require("services", $"required: the services it covers, e.g. [Ledger], or [\"{MaintenanceWindow.EveryService}\"] for every service");
        if (fields.Names("services", acceptSingle: true) is not { } services)
        {
            return null;
        }

        if (services.Count == 0)
        {
            fields.Invalid("services", $"must name at least one service, or \"{MaintenanceWindow.EveryService}\" for every service");
            return null;
        }

        return !checkServices || declared.Check(services, errors) ? services.Select(service => service.Name).ToList() : null;
    }

    private static TimeWindow? ReadPeriod(MappingFields fields)
    {
        fields.Require("start", "required with end: when the window opens, e.g. 2026-10-20T02:00:00Z");
        fields.Require("end", "required with start: when the window closes, e.g. 2026-10-20T03:00:00Z");
        var start = Timestamp(fields, "start");
        var end = Timestamp(fields, "end");
        if (start is not { } from || end is not { } to)
        {
            return null;
        }

        if (to <= from)
        {
            fields.Invalid("end", $"must be after start ({fields.Text("start")}), got {YamlValueText.Quote(fields.Text("end")!)}");
            return null;
        }

        return new TimeWindow(from, to);
    }

    private static (CronSchedule? Schedule, TimeSpan? Duration) ReadRecurrence(MappingFields fields)
    {
        fields.Require("cron", "required with duration: when the window opens, as five cron fields in UTC, e.g. \"0 3 * * SUN\"");
        fields.Require("duration", $"required with cron: how long the window stays open, e.g. {DurationText.Examples}");
        CronSchedule? schedule = null;
        if (fields.Text("cron") is { } cron)
        {
            try
            {
                schedule = CronSchedule.Parse(cron);
            }
            catch (FormatException exception)
            {
                fields.Invalid("cron", exception.Message);
            }
        }

        return (schedule, fields.Duration("duration"));
    }

    /// <summary>An ISO-8601 time that says its offset: a time without one would mean whatever zone the server runs in.</summary>
    private static DateTimeOffset? Timestamp(MappingFields fields, string key)
    {
        if (fields.Text(key) is not { } text)
        {
            return null;
        }

        if (IsoWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }

        fields.Invalid(key, $"expected an ISO-8601 time with its UTC offset, such as {TimeExamples}, got {YamlValueText.Quote(text)}");
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
