using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ItssMonitor.Storage.Relational.Cluster;

/// <summary>Maps <see cref="ClusterNodeRecord"/> to <c>cluster_nodes</c>, one row per node.</summary>
internal sealed class ClusterNodeRecordConfiguration : IEntityTypeConfiguration<ClusterNodeRecord>
{
    public void Configure(EntityTypeBuilder<ClusterNodeRecord> builder)
    {
        builder.ToTable("cluster_nodes");
        builder.HasKey(node => node.NodeId);
        builder.Property(node => node.NodeId).HasMaxLength(200);
        builder.Property(node => node.HostName).HasMaxLength(255);
    }
}
