using System.Security.Cryptography;
using System.Text;
using ItssMonitor.Server.Access.Keys;

namespace ItssMonitor.UnitTests.Access;

public sealed class CredentialKindTests
{
    [Theory]
    [InlineData("kiosk-token", "itss_kiosk_")]
    [InlineData("api-key", "itss_key_")]
    public void A_new_secret_is_its_kinds_prefix_then_32_random_bytes_in_url_safe_base64(string kindName, string prefix)
    {
        var kind = kindName == CredentialKind.KioskToken.Name ? CredentialKind.KioskToken : CredentialKind.ApiKey;
        var secrets = Enumerable.Range(0, 50).Select(_ => kind.NewSecret()).ToList();

        Assert.All(secrets, secret =>
        {
            Assert.StartsWith(prefix, secret, StringComparison.Ordinal);
            var random = secret[prefix.Length..];
            Assert.Equal(43, random.Length);
            Assert.All(random, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
            Assert.Equal(secret, Uri.EscapeDataString(secret));
        });
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Fact]
    public void The_shown_prefix_is_the_kind_prefix_and_six_characters_of_the_random_part()
    {
        var secret = CredentialKind.ApiKey.NewSecret();

        Assert.Equal(secret[.."itss_key_".Length] + secret["itss_key_".Length..][..6], CredentialKind.ApiKey.Shown(secret));
        Assert.Equal(15, CredentialKind.ApiKey.Shown(secret).Length);
    }

    [Fact]
    public void The_digest_is_lower_case_hex_sha256_of_the_utf8_secret()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CredentialKind.Digest("abc"));
        var secret = CredentialKind.KioskToken.NewSecret();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), CredentialKind.Digest(secret));
        Assert.NotEqual(CredentialKind.Digest(secret), CredentialKind.Digest(secret[..^1]));
    }

    [Theory]
    [InlineData(null, "A name is required.")]
    [InlineData("   ", "A name is required.")]
    [InlineData("wall\u0007", "The name contains control characters.")]
    [InlineData("Lobby wall", null)]
    public void Names_must_be_given_printable_and_short(string? name, string? problem)
    {
        Assert.Equal(problem, CredentialStore.CheckName(name));
        Assert.Equal($"The name is longer than {CredentialStore.MaxNameLength} characters.", CredentialStore.CheckName(new string('x', CredentialStore.MaxNameLength + 1)));
        Assert.Null(CredentialStore.CheckName(new string('x', CredentialStore.MaxNameLength)));
    }
}
