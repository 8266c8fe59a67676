namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>One <c>${Name…}</c> in a compose file: <c>:-</c> gives a default, <c>:?</c> makes the variable required.</summary>
public sealed record VariableReference(string Name, string Operator, string Argument)
{
    public bool IsRequired => Operator == ":?";

    public bool HasDefault => Operator == ":-";
}
