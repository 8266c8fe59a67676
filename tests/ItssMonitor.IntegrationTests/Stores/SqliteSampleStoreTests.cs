using ItssMonitor.Storage;
using ItssMonitor.Storage.Sqlite;

namespace ItssMonitor.IntegrationTests.Stores;

public sealed class SqliteSampleStoreTests : SampleStoreContract
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-sqlite-");

    protected override Task<ISampleStore> CreateEmptyStoreAsync() =>
        Task.FromResult<ISampleStore>(new SqliteSampleStore(new SqliteOptions { Path = Path.Combine(_directory.FullName, "samples.db") }));

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_path_that_cannot_be_created_stops_the_start_with_a_message_naming_it()
    {
        var blocker = Path.Combine(_directory.FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");
        var store = new SqliteSampleStore(new SqliteOptions { Path = Path.Combine(blocker, "samples.db") });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains(blocker, error.Message);
        Assert.Contains("Storage:Sqlite:Path", error.Message);
    }
}
