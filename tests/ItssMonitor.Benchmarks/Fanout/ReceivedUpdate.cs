namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>
/// The two fields of a service status the clients need: which service, and when its sample was sent (its
/// <c>updatedAt</c>, the pushed sample's timestamp). The JSON reader skips the rest, as a lean client would.
/// </summary>
internal sealed record ReceivedUpdate(string Service, DateTimeOffset UpdatedAt);
