using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>Bad sign-in settings stop the start with a message naming the key, and never the password.</summary>
public sealed class AuthSettingsTests
{
    [Theory]
    [InlineData("root", "short-pass", "Auth:Admin:Password is shorter than 12 characters.")]
    [InlineData("root", "", "Auth:Admin:Name is set but Auth:Admin:Password is not")]
    [InlineData("", "a-long-enough-password", "Auth:Admin:Password is set but Auth:Admin:Name is not")]
    public async Task A_half_or_weak_first_admin_stops_the_start(string name, string password, string expected)
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Auth__Admin__Name"] = name,
            ["Auth__Admin__Password"] = password,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", output);
        if (password.Length > 0)
        {
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task More_sign_in_attempts_per_minute_than_allowed_stop_the_start()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Auth__SignInAttemptsPerMinute"] = "0" });

        Assert.Equal(1, exitCode);
        Assert.Contains("SignInAttemptsPerMinute", output);
    }
}
