using System.Text.Json.Serialization;

namespace ItssMonitor.Core.Samples;

/// <summary>
/// A measurement of one check at one time: a <see cref="CheckSample"/> (measurement <c>check_result</c>)
/// or a <see cref="SecuritySample"/> (measurement <c>security_event</c>). Timestamps are kept to the
/// millisecond, the precision every store writes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CheckSample), "check")]
[JsonDerivedType(typeof(SecuritySample), "security")]
public abstract record Sample(string Service, string Check, string Kind, string Location, DateTimeOffset Timestamp);
