using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Server.Cluster;

/// <summary>Configuration section <c>Cluster</c>: how this node announces itself and when another node counts as gone.</summary>
public sealed class ClusterOptions : IValidatableObject
{
    public const string Section = "Cluster";

    /// <summary>This node's id; empty: the host name and a random suffix, new at every start.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>How often this node writes its heartbeat and reads the others'.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A node whose last heartbeat is older than this is gone, and its checks move to the others.</summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(6);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NodeId.Length > 200 || NodeId.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult($"{Section}:NodeId must be at most 200 characters without spaces (got '{NodeId}').", [nameof(NodeId)]);
        }

        if (HeartbeatInterval < TimeSpan.FromMilliseconds(100) || HeartbeatInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult($"{Section}:HeartbeatInterval must be between 100 ms and 1 min (got {HeartbeatInterval}).", [nameof(HeartbeatInterval)]);
        }

        // One late or lost heartbeat must not make a live node look gone (its checks would be probed twice meanwhile).
        if (NodeTimeout <= HeartbeatInterval * 2)
        {
            yield return new ValidationResult(
                $"{Section}:NodeTimeout ({NodeTimeout}) must be more than twice {Section}:HeartbeatInterval ({HeartbeatInterval}), so one late heartbeat does not drop a live node.",
                [nameof(NodeTimeout)]);
        }
    }
}
