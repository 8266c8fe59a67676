namespace ItssMonitor.Core.Sla;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week), read in UTC. Each field takes
/// <c>*</c>, numbers, lists (<c>1,15</c>), ranges (<c>1-5</c>), steps (<c>*/15</c>, <c>0-30/10</c>, <c>5/20</c>)
/// and, for months and weekdays, names (<c>JAN</c>, <c>MON-FRI</c>); Sunday is 0 or 7. As in Vixie cron, when
/// both day-of-month and day-of-week are restricted a day matches if either does.
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // 29 February on a given weekday can be up to 28 years away, but a day-of-month alone (30 February aside)
    // recurs within 8 years (2096 → 2104 skips a leap day); searching past that means it never matches.
    private static readonly TimeSpan SearchHorizon = TimeSpan.FromDays(9 * 366);

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _daysOfMonth;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;
    private readonly bool _eitherDayField;

    private CronSchedule(string expression, bool[] minutes, bool[] hours, bool[] daysOfMonth, bool[] months, bool[] daysOfWeek, bool eitherDayField)
    {
        Expression = expression;
        _minutes = minutes;
        _hours = hours;
        _daysOfMonth = daysOfMonth;
        _months = months;
        _daysOfWeek = daysOfWeek;
        _eitherDayField = eitherDayField;
    }

    public string Expression { get; }

    /// <exception cref="FormatException">The expression is not five valid fields; the message says which field and why.</exception>
    public static CronSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new FormatException($"Cron expression '{expression}' has {fields.Length} fields; expected 5: minute hour day-of-month month day-of-week.");
        }

        var daysOfWeek = ParseField(expression, "day-of-week", fields[4], 0, 7, DayNames);
        // 7 is a second name for Sunday; fold it so matching only looks at 0-6.
        daysOfWeek[0] |= daysOfWeek[7];
        return new CronSchedule(
            expression,
            ParseField(expression, "minute", fields[0], 0, 59, null),
            ParseField(expression, "hour", fields[1], 0, 23, null),
            ParseField(expression, "day-of-month", fields[2], 1, 31, null),
            ParseField(expression, "month", fields[3], 1, 12, MonthNames),
            daysOfWeek,
            eitherDayField: !IsStar(fields[2]) && !IsStar(fields[4]));
    }

    /// <summary>Whether the schedule fires in the minute that holds <paramref name="at"/>.</summary>
    public bool Matches(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return _months[utc.Month] && DayMatches(utc) && _hours[utc.Hour] && _minutes[utc.Minute];
    }

    /// <summary>The first time the schedule fires strictly after <paramref name="after"/>; null when it never does (30 February).</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var candidate = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        var horizon = candidate + SearchHorizon;
        // Skip whole months, days and hours that cannot match, so even a yearly schedule takes a few hundred steps.
        while (candidate < horizon)
        {
            if (!_months[candidate.Month])
            {
                candidate = new DateTime(candidate.Year, candidate.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            }
            else if (!DayMatches(candidate))
            {
                candidate = candidate.Date.AddDays(1);
            }
            else if (!_hours[candidate.Hour])
            {
                candidate = candidate.Date.AddHours(candidate.Hour + 1);
            }
            else if (!_minutes[candidate.Minute])
            {
                candidate = candidate.AddMinutes(1);
            }
            else
            {
                return new DateTimeOffset(candidate);
            }
        }

        return null;
    }

    public override string ToString() => Expression;

    private bool DayMatches(DateTime utc)
    {
        var dayOfMonth = _daysOfMonth[utc.Day];
        var dayOfWeek = _daysOfWeek[(int)utc.DayOfWeek];
        return _eitherDayField ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
    }

    private static bool IsStar(string field) => field == "*" || field.StartsWith("*/", StringComparison.Ordinal);

    private static bool[] ParseField(string expression, string fieldName, string field, int min, int max, string[]? names)
    {
        var allowed = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var (rangeText, step) = SplitStep(part);
            int from, to;
            if (rangeText == "*")
            {
                (from, to) = (min, max);
            }
            else if (rangeText.Split('-') is [var low, var high])
            {
                (from, to) = (Value(low), Value(high));
            }
            else
            {
                from = Value(rangeText);
                // "5/20" means from 5 to the end in steps of 20, as Vixie cron reads it.
                to = step is null ? from : max;
            }

            if (from > to)
            {
                throw Invalid($"range {rangeText} runs backwards");
            }

            for (var value = from; value <= to; value += step ?? 1)
            {
                allowed[value] = true;
            }
        }

        return allowed;

        (string Range, int? Step) SplitStep(string part)
        {
            var slash = part.IndexOf('/');
            if (slash < 0)
            {
                return (part, null);
            }

            if (!int.TryParse(part.AsSpan(slash + 1), System.Globalization.NumberStyles.None, null, out var step) || step < 1)
            {
                throw Invalid($"step in '{part}' must be a whole number of at least 1");
            }

            return (part[..slash], step);
        }

        int Value(string text)
        {
            if (int.TryParse(text, System.Globalization.NumberStyles.None, null, out var number))
            {
                return number >= min && number <= max ? number : throw Invalid($"{number} is outside {min}-{max}");
            }

            var index = names is null ? -1 : Array.FindIndex(names, name => name.Equals(text, StringComparison.OrdinalIgnoreCase));
            // Month names count from 1, weekday names from 0 (SUN).
            return index >= 0 ? index + min : throw Invalid($"'{text}' is not a number{(names is null ? "" : " or a name such as " + names[0])}");
        }

        FormatException Invalid(string why) =>
            new($"Cron expression '{expression}': {fieldName} field '{field}': {why}.");
    }
}
