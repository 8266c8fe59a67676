using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational.Audit;

/// <summary>Table <c>audit_log</c>: read newest first, by time range.</summary>
internal sealed class AuditEntryRecordConfiguration : IEntityTypeConfiguration<AuditEntryRecord>
{
    public void Configure(EntityTypeBuilder<AuditEntryRecord> entry)
    {
        entry.ToTable("audit_log");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Actor).HasMaxLength(200);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.Target).HasMaxLength(200);
        entry.Property(e => e.Detail).HasMaxLength(2000);
        entry.HasIndex(e => e.At);
    }
}
