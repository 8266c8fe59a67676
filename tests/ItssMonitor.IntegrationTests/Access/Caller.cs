namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Who sends a probe of the access table: nobody, an ingest key holder, or a signed-in user of a role.</summary>
public enum Caller
{
    Anonymous,
    ApiKey,
    Viewer,
    Operator,
    Admin,
}
