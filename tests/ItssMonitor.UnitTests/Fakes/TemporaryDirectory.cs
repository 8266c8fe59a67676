namespace ItssMonitor.UnitTests.Fakes;

internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("itss-unit-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
