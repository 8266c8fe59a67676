using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ItssMonitor.TestServers;

/// <summary>
/// A real SMTP server for tests: aiosmtpd (Debian's <c>python3-aiosmtpd</c>) on a free loopback port, storing what it
/// receives in a Maildir that the test reads back. Each stored message carries the envelope in <c>X-MailFrom</c> and
/// <c>X-RcptTo</c> headers, added by aiosmtpd's Mailbox handler.
/// </summary>
public sealed class SmtpServer : IAsyncLifetime
{
    public const string InstallCommand = "apt-get install -y python3-aiosmtpd";

    // Debian installs the module for the system interpreter, which may not be the python3 first on PATH.
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly ServerResources _resources = new();
    private int _port;
    private string? _maildir;

    public string Host => "127.0.0.1";

    public int Port => _port != 0 ? _port : throw new InvalidOperationException(
        "The SMTP fixture has not started yet: xunit starts it through IAsyncLifetime.InitializeAsync.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Python) || !await HasAiosmtpdAsync())
        {
            throw new InvalidOperationException(
                $"An SMTP server is needed for these tests: {Python} cannot import aiosmtpd. Install it with: {InstallCommand}");
        }

        await _resources.StartAsync(async () =>
        {
            var directory = _resources.Directory = ScratchDirectory.Create("smtp");
            var maildir = directory.Combine("maildir");
            var port = FreePort.Next();
            var process = _resources.Process = LocalServerProcess.Start(
                "aiosmtpd",
                Python,
                ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "-c", "aiosmtpd.handlers.Mailbox", maildir],
                directory.Path);
            await process.WaitUntilReadyAsync(ct => GreetsAsync(port, ct), ReadyTimeout);
            _port = port;
            _maildir = maildir;
        });
    }

    public Task DisposeAsync() => _resources.ReleaseAsync();

    /// <summary>Every message received so far, as stored (headers and body), oldest first.</summary>
    public IReadOnlyList<string> Messages()
    {
        var maildir = _maildir ?? throw new InvalidOperationException("The SMTP fixture has not started yet.");
        return [.. new[] { "new", "cur" }
            .Select(folder => Path.Combine(maildir, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => new DirectoryInfo(folder).GetFiles())
            .OrderBy(file => file.LastWriteTimeUtc)
            .Select(file => File.ReadAllText(file.FullName))];
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> messages have arrived, and returns them all.</summary>
    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP server received {messages.Count} of {count} expected messages within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<bool> HasAiosmtpdAsync()
    {
        using var check = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Python, ["-c", "import aiosmtpd"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        });
        if (check is null)
        {
            return false;
        }

        await check.WaitForExitAsync();
        return check.ExitCode == 0;
    }

    private static async Task<bool> GreetsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var buffer = new byte[256];
        var read = await client.GetStream().ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal);
    }
}
