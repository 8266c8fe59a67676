using System.Diagnostics;

namespace ItssMonitor.IntegrationTests.Reports;

/// <summary>A PDF's text as Debian's poppler-utils extract it (<c>pdftotext</c>), and its first page as a PNG to look at (<c>pdftoppm</c>).</summary>
internal static class PdfText
{
    /// <param name="screenshot">The PNG's name under TestResults/screenshots beside the test assembly.</param>
    public static async Task<string> ExtractAsync(byte[] pdf, string screenshot)
    {
        var file = Path.Combine(Path.GetTempPath(), $"itss-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots"));
            await RunAsync("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", file, Path.Combine(screenshots.FullName, screenshot));
            return await RunAsync("pdftotext", "-layout", file, "-");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (apt-get install -y poppler-utils).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return await output;
    }
}
