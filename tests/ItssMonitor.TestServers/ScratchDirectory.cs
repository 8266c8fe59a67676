using System.Globalization;

namespace ItssMonitor.TestServers;

/// <summary>A fresh directory under the system temp folder that holds one server's files and is removed with it.</summary>
internal sealed class ScratchDirectory
{
    public const string NamePrefix = "itssmonitor-";

    /// <summary>Holds the id of the process that owns the directory, so that a later run can tell it was abandoned.</summary>
    public const string OwnerFileName = "owner.pid";

    private ScratchDirectory(string path) => Path = path;

    public string Path { get; }

    public static ScratchDirectory Create(string kind)
    {
        AbandonedServers.SweepOnce();
        var directory = new ScratchDirectory(Directory.CreateTempSubdirectory($"{NamePrefix}{kind}-").FullName);
        File.WriteAllText(directory.Combine(OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return directory;
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public async Task DeleteAsync()
    {
        // A server that was just killed can still be closing files for a moment.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }
}
