using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational.Alerts;

/// <summary>Table <c>alerts</c>: keyed by the fingerprint's id, indexed for the API's filters (state, service) and the jobs' (rule).</summary>
internal sealed class AlertRecordConfiguration : IEntityTypeConfiguration<AlertRecord>
{
    public void Configure(EntityTypeBuilder<AlertRecord> alert)
    {
        alert.ToTable("alerts");
        alert.HasKey(a => a.Id);
        alert.Property(a => a.Id).HasMaxLength(16);
        alert.HasIndex(a => a.Fingerprint).IsUnique();
        alert.HasIndex(a => new { a.Rule, a.State });
        alert.HasIndex(a => new { a.State, a.Service });
        // Enums as words: the table stays readable to someone querying it by hand.
        alert.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.Version).IsConcurrencyToken();
    }
}
