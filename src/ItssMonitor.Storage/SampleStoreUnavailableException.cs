namespace ItssMonitor.Storage;

/// <summary>The store could not be reached or failed on its side (connection, timeout, 5xx): the write may be retried.</summary>
public sealed class SampleStoreUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
