using ItssMonitor.Server.Access;

namespace ItssMonitor.UnitTests.Access;

/// <summary>After sign-in only a path on this server is followed; anything else goes to the overview.</summary>
public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/incidents", "/incidents")]
    [InlineData("/services/Payments%20API?range=7d", "/services/Payments%20API?range=7d")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("incidents", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/\r\nLocation: https://evil.example/", "/")]
    public void Only_a_local_path_is_kept(string? returnUrl, string expected) => Assert.Equal(expected, LocalReturnUrl.Or(returnUrl));
}
