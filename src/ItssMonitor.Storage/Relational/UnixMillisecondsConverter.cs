using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ItssMonitor.Storage.Relational;

/// <summary>Stores a <see cref="DateTimeOffset"/> as Unix milliseconds (UTC), which both providers compare and order.</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    time => time.ToUnixTimeMilliseconds(),
    milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
