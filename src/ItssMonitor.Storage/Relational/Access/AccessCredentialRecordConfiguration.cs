using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational.Access;

/// <summary>Table <c>access_credentials</c>: found by digest; a name is unique among the active credentials of a kind.</summary>
internal sealed class AccessCredentialRecordConfiguration : IEntityTypeConfiguration<AccessCredentialRecord>
{
    public void Configure(EntityTypeBuilder<AccessCredentialRecord> credential)
    {
        credential.ToTable("access_credentials");
        credential.HasKey(c => c.Id);
        credential.Property(c => c.Kind).HasMaxLength(16);
        credential.Property(c => c.Name).HasMaxLength(100);
        credential.Property(c => c.Prefix).HasMaxLength(32);
        credential.Property(c => c.Digest).HasMaxLength(64);
        credential.Property(c => c.CreatedBy).HasMaxLength(200);
        credential.Property(c => c.RevokedBy).HasMaxLength(200);
        credential.HasIndex(c => c.Digest).IsUnique();

        // Two admins (or nodes) creating the same name at once: one gets in, the other's insert fails.
        // The quoted column name reads the same in SQLite and PostgreSQL.
        credential.HasIndex(c => new { c.Kind, c.Name }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
    }
}
