namespace ItssMonitor.Collectors.Scheduling;

/// <summary>
/// When a check runs. Each check gets a stable offset in its interval from a hash of its name, so
/// checks spread evenly (no thundering herd at the top of the minute) and keep their slot across
/// restarts. Slots are at epoch + offset + k × interval, so the schedule never drifts.
/// </summary>
public static class ScheduleSpread
{
    public static TimeSpan OffsetFor(string service, string check, TimeSpan interval) =>
        TimeSpan.FromTicks((long)(StableHash.Of(service + "\n" + check) % (ulong)interval.Ticks));

    /// <summary>The first slot strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextSlotAfter(DateTimeOffset after, TimeSpan offset, TimeSpan interval)
    {
        var firstSlot = DateTimeOffset.UnixEpoch.UtcTicks + offset.Ticks;
        var slots = after.UtcTicks < firstSlot ? 0 : (after.UtcTicks - firstSlot) / interval.Ticks + 1;
        return new DateTimeOffset(firstSlot + slots * interval.Ticks, TimeSpan.Zero);
    }
}
