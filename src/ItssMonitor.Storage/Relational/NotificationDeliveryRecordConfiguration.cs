using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational;

/// <summary>Table <c>notification_deliveries</c>, keyed by idempotency key, searchable by alert and occurrence.</summary>
public sealed class NotificationDeliveryRecordConfiguration : IEntityTypeConfiguration<NotificationDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<NotificationDeliveryRecord> builder)
    {
        builder.ToTable("notification_deliveries");
        builder.HasKey(record => record.IdempotencyKey);
        builder.Property(record => record.IdempotencyKey).HasMaxLength(64);
        builder.Property(record => record.Channel).HasMaxLength(200);
        builder.Property(record => record.AlertId).HasMaxLength(16);
        builder.Property(record => record.State).HasMaxLength(16);
        builder.HasIndex(record => new { record.AlertId, record.Occurrence });
    }
}
