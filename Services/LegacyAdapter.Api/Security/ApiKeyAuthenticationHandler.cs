using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AspireMsa.LegacyAdapter.Api.Contract;
using AspireMsa.LegacyAdapter.Api.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AspireMsa.LegacyAdapter.Api.Security;

/// <summary>
/// Authenticates the legacy client by the API key it sends in <c>X-Api-Key</c>. The old interface knew no tokens; the key
/// stands for the one legacy client, whose orders the adapter then places as the customer account configured for it. A
/// missing or wrong key is answered 401 in the legacy error envelope.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<LegacyAdapterOptions> adapter)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "legacy-api-key";
    public const string HeaderName = "X-Api-Key";
    public const string ClientName = "legacy-client";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[HeaderName] is not [{ Length: > 0 } sent])
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Matches(sent, adapter.CurrentValue.ApiKey))
        {
            return Task.FromResult(AuthenticateResult.Fail($"The {HeaderName} does not match the legacy client's key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, ClientName)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\"";
        return LegacyXmlResult.Error(new LegacyError(
            StatusCodes.Status401Unauthorized, LegacyErrorCode.Unauthorized, $"Send the legacy client's API key in the {HeaderName} header."))
            .ExecuteAsync(Context);
    }

    /// <summary>
    /// In constant time: both sides are hashed first, so they have one length, and the time the comparison takes tells a
    /// guesser neither how much of the key matched nor how long it is.
    /// </summary>
    public static bool Matches(string sent, string key) =>
        key.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
