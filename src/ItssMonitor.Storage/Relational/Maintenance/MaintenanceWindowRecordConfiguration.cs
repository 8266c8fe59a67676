using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational.Maintenance;

/// <summary>Table <c>maintenance_windows</c>: read by end time (windows that are over long ago are not loaded).</summary>
internal sealed class MaintenanceWindowRecordConfiguration : IEntityTypeConfiguration<MaintenanceWindowRecord>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindowRecord> window)
    {
        window.ToTable("maintenance_windows");
        window.HasKey(w => w.Id);
        window.Property(w => w.Reason).HasMaxLength(500);
        window.Property(w => w.StartedBy).HasMaxLength(200);
        window.Property(w => w.EndedBy).HasMaxLength(200);
        window.Ignore(w => w.End);
        window.HasIndex(w => w.Until);
    }
}
