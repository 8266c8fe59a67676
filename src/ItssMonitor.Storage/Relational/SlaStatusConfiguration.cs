using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational;

/// <summary>Maps <see cref="SlaStatusRecord"/> to <c>sla_status</c>, one row per service.</summary>
internal sealed class SlaStatusConfiguration : IEntityTypeConfiguration<SlaStatusRecord>
{
    public void Configure(EntityTypeBuilder<SlaStatusRecord> builder)
    {
        builder.ToTable("sla_status");
        builder.HasKey(status => status.Service);
        builder.Property(status => status.Service).HasMaxLength(200);
        // Stored as whole milliseconds, like times, so both providers read them alike.
        builder.Property(status => status.Period).HasConversion(value => (long)value.TotalMilliseconds, value => TimeSpan.FromMilliseconds((double)value));
        builder.Property(status => status.ExhaustedIn).HasConversion(
            value => value.HasValue ? (long?)value.Value.TotalMilliseconds : null,
            value => value.HasValue ? TimeSpan.FromMilliseconds((double)value.Value) : null);
    }
}
