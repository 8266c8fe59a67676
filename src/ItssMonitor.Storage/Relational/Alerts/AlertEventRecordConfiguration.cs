using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational.Alerts;

/// <summary>Table <c>alert_events</c>: read by incident (alert id, occurrence) and by time range (the incidents report).</summary>
internal sealed class AlertEventRecordConfiguration : IEntityTypeConfiguration<AlertEventRecord>
{
    public void Configure(EntityTypeBuilder<AlertEventRecord> alertEvent)
    {
        alertEvent.ToTable("alert_events");
        alertEvent.HasKey(e => e.Id);
        alertEvent.Property(e => e.AlertId).HasMaxLength(16);
        alertEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        alertEvent.HasIndex(e => new { e.AlertId, e.Occurrence });
        alertEvent.HasIndex(e => e.At);
        alertEvent.HasOne<AlertRecord>().WithMany().HasForeignKey(e => e.AlertId);
    }
}
