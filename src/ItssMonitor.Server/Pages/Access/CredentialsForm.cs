namespace ItssMonitor.Server.Pages.Access;

/// <summary>The fields of the login and setup forms, bound from the posted form.</summary>
public sealed class CredentialsForm
{
    public string? Name { get; set; }

    public string? Password { get; set; }
}
