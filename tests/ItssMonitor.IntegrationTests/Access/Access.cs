namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Who an endpoint lets through.</summary>
public enum Access
{
    /// <summary>Anyone, without credentials.</summary>
    Anonymous,

    /// <summary>An ingest API key only (a signed-in user is not enough).</summary>
    ApiKey,

    /// <summary>An ingest API key or a signed-in Viewer (or higher): <c>/metrics</c>.</summary>
    ViewerOrApiKey,

    Viewer,
    Operator,
    Admin,
}
