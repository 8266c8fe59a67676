using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational;

/// <summary>Table <c>scheduled_escalations</c>, keyed by Hangfire job id, searchable by alert.</summary>
public sealed class ScheduledEscalationConfiguration : IEntityTypeConfiguration<ScheduledEscalation>
{
    public void Configure(EntityTypeBuilder<ScheduledEscalation> builder)
    {
        builder.ToTable("scheduled_escalations");
        builder.HasKey(escalation => escalation.JobId);
        builder.Property(escalation => escalation.JobId).HasMaxLength(100);
        builder.Property(escalation => escalation.AlertId).HasMaxLength(16);
        builder.HasIndex(escalation => escalation.AlertId);
    }
}
