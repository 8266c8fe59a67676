namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>One state change the driver makes: service number, its new state, and when it was sent (to the millisecond, as the server keeps it).</summary>
internal readonly record struct ServiceChange(int Service, bool Up, DateTimeOffset SentAt);
