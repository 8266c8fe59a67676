namespace ItssMonitor.Server.Reports;

/// <summary>A PDF cannot be printed on this server (no Chromium where configured); the API answers 503 with the message.</summary>
public sealed class ReportPdfUnavailableException(string message) : Exception(message);
