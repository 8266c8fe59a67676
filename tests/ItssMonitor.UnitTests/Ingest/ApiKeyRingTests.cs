using System.Text;
using ItssMonitor.Server.Access.Keys;
using ItssMonitor.Server.Ingest;
using ItssMonitor.Storage.Relational.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ItssMonitor.UnitTests.Ingest;

public sealed class ApiKeyRingTests
{
    private const string Key = "0123456789abcdef-agent";

    private readonly ApiKeyRing _ring = new(Options.Create(new IngestOptions
    {
        ApiKeys = [new IngestApiKey { Name = "agent", Key = Key }, new IngestApiKey { Name = "telegraf", Key = Key + "-telegraf" }],
    }));

    [Fact]
    public void Finds_the_name_of_a_configured_key_and_nothing_for_others()
    {
        Assert.Equal("agent", _ring.Find(Key)?.Name);
        Assert.Equal("telegraf", _ring.Find(Key + "-telegraf")?.Name);
        Assert.Null(_ring.Find(Key)?.StoredId);
        Assert.Null(_ring.Find(Key[..^1]));
        Assert.Null(_ring.Find(""));
    }

    [Fact]
    public void Finds_stored_keys_by_digest_alongside_configured_ones_until_they_are_replaced()
    {
        var secret = CredentialKind.ApiKey.NewSecret();
        var lastUsed = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var record = new AccessCredentialRecord
        {
            Id = 7,
            Kind = CredentialKind.ApiKey.Name,
            Name = "rack-12",
            Prefix = CredentialKind.ApiKey.Shown(secret),
            Digest = CredentialKind.Digest(secret),
            CreatedBy = "admin",
            LastUsedAt = lastUsed,
        };

        _ring.UseStored([record]);
        Assert.Equal(("rack-12", 7L, lastUsed), (_ring.Find(secret)?.Name, _ring.Find(secret)?.StoredId, _ring.Find(secret)?.LastUsedAt));
        Assert.Equal("agent", _ring.Find(Key)?.Name);

        _ring.UseStored([]);
        Assert.Null(_ring.Find(secret));
        Assert.False(_ring.IsEmpty);
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + Key)]
    [InlineData("Authorization", "bearer  " + Key)]
    [InlineData("Authorization", "Token " + Key)]
    [InlineData("X-Api-Key", Key)]
    public void Reads_the_key_from_each_supported_header(string header, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;

        Assert.Equal(Key, ApiKeyRing.PresentedKey(context.Request));
    }

    [Fact]
    public void Reads_the_key_as_the_password_of_Basic_authentication_whatever_the_user_name()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("telegraf:" + Key));

        Assert.Equal(Key, ApiKeyRing.PresentedKey(context.Request));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic dXNlcm9ubHk=")]
    [InlineData("Digest abc")]
    public void Finds_no_key_when_none_was_sent(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        Assert.Null(ApiKeyRing.PresentedKey(context.Request));
    }
}
