using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.TestServers;

/// <summary>
/// A small but honest OpenID Connect identity provider (Kestrel on a free loopback port in the test process): a
/// discovery document, a JWKS with its RSA key, an authorize endpoint that signs in the user set with
/// <see cref="SignInAs"/> at once and redirects back with a one-time code, and a token endpoint that checks the
/// code, the redirect URI, the client's credentials and the PKCE verifier (S256) and answers an RS256-signed id_token
/// with the user's name and groups.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _refusals = new();
    private (string Name, string[] Groups)? _user;
    private int _tokensIssued;

    private OidcProvider(WebApplication app, string clientId, string clientSecret)
    {
        _app = app;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The issuer, without a trailing slash: the value for the relying party's authority.</summary>
    public string Issuer { get; private set; } = "";

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Why requests were refused (wrong client, code, verifier…), for a failing test to show.</summary>
    public IReadOnlyList<string> Refusals => [.. _refusals];

    /// <summary>How many codes were exchanged for tokens.</summary>
    public int TokensIssued => _tokensIssued;

    /// <summary>
    /// Starts the provider on a free loopback port. Its issuer is <c>http://{issuerHost}:{port}</c>: <c>localhost</c>
    /// makes it another site than a server at 127.0.0.1, as a real provider is, so a browser treats the way back as cross-site.
    /// </summary>
    public static async Task<OidcProvider> StartAsync(string clientId, string clientSecret, string issuerHost = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new OidcProvider(app, clientId, clientSecret);
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Keys);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        provider.Issuer = $"http://{issuerHost}:{address.Port}";
        return provider;
    }

    /// <summary>The user the next authorization request signs in, with the groups its id_token lists.</summary>
    public void SignInAs(string name, params string[] groups) => _user = (name, groups);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["scopes_supported"] = new[] { "openid", "profile" },
    });

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        var problem = query["client_id"] != ClientId ? $"unknown client_id '{query["client_id"]}'"
            : query["response_type"] != "code" ? $"response_type '{query["response_type"]}' is not code"
            : query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]) ? "no S256 code_challenge (PKCE required)"
            : query["response_mode"] is { Count: > 0 } mode && mode != "query" ? $"response_mode '{mode}' is not query"
            : !Uri.TryCreate(query["redirect_uri"], UriKind.Absolute, out _) ? "redirect_uri missing"
            : _user is null ? "no user to sign in (SignInAs not called)"
            : null;
        if (problem is not null)
        {
            return Refuse(problem);
        }

        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Grant(_user!.Value.Name, _user.Value.Groups, query["redirect_uri"]!, query["code_challenge"]!, query["nonce"].ToString());
        var back = QueryHelpers.AddQueryString(query["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"], ["iss"] = Issuer });
        return Results.Redirect(back);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, clientSecret) = Client(request, form);
        if (clientId != ClientId || !FixedEquals(clientSecret, ClientSecret))
        {
            return Refuse("wrong client credentials");
        }

        // A code is used once, whatever the outcome: a second try with it is refused.
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Refuse("not an authorization_code grant with a known, unused code");
        }

        if (grant.RedirectUri != form["redirect_uri"])
        {
            return Refuse("redirect_uri differs from the authorization request's");
        }

        if (!FixedEquals(Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))), grant.Challenge))
        {
            return Refuse("PKCE code_verifier does not match the code_challenge");
        }

        var accessToken = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = "user-" + grant.Name,
            ["aud"] = ClientId,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["preferred_username"] = grant.Name,
            ["name"] = grant.Name,
            ["groups"] = grant.Groups,
            ["at_hash"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        };
        if (grant.Nonce.Length > 0)
        {
            claims["nonce"] = grant.Nonce;
        }

        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = Sign(claims) });
    }

    private static (string? Id, string? Secret) Client(HttpRequest request, IFormCollection form)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string Sign(Dictionary<string, object> claims)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    private IResult Refuse(string problem)
    {
        _refusals.Enqueue(problem);
        return Results.Json(new { error = "invalid_request", error_description = problem }, statusCode: StatusCodes.Status400BadRequest);
    }

    private static bool FixedEquals(string? a, string b) =>
        a is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Grant(string Name, string[] Groups, string RedirectUri, string Challenge, string Nonce);
}
