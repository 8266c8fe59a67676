namespace ItssMonitor.Server.Notifications.Email;

/// <summary>How the connection to the SMTP server is protected (<c>Notifications:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same host or a trusted network.</summary>
    None,

    /// <summary>Upgrade with STARTTLS, required (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}
