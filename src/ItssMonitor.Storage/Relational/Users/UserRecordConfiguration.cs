using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational.Users;

/// <summary>Table <c>users</c>: found by normalized name.</summary>
internal sealed class UserRecordConfiguration : IEntityTypeConfiguration<UserRecord>
{
    public void Configure(EntityTypeBuilder<UserRecord> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Name).HasMaxLength(100);
        user.Property(u => u.NormalizedName).HasMaxLength(100);
        user.Property(u => u.Role).HasMaxLength(16);
        user.HasIndex(u => u.NormalizedName).IsUnique();
    }
}
