namespace ItssMonitor.Server.Access;

/// <summary>The first admin from configuration (<c>Auth:Admin:Name</c>, <c>Auth:Admin:Password</c>), for deployments that cannot open a setup page.</summary>
internal sealed class FirstAdminOptions
{
    public string? Name { get; set; }

    public string? Password { get; set; }
}
