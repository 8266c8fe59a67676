using System.Text.Json;

namespace ItssMonitor.TestServers;

/// <summary>One POST a <see cref="WebhookReceiver"/> got, when it arrived, and whether it answered 2xx.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool Accepted, DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;
}
