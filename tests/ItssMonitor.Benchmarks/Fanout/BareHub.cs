using Microsoft.AspNetCore.SignalR;

namespace ItssMonitor.Benchmarks.Fanout;

/// <summary>The baseline's hub: nothing of its own; its driver sends through <see cref="IHubContext{THub}"/>.</summary>
public sealed class BareHub : Hub;
