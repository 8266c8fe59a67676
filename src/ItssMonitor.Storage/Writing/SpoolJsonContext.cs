using System.Text.Json.Serialization;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Storage.Writing;

[JsonSerializable(typeof(IReadOnlyList<Sample>))]
internal sealed partial class SpoolJsonContext : JsonSerializerContext;
