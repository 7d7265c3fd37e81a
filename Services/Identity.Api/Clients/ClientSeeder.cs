using AspireMsa.Identity.Api.Users;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.Identity.Api.Clients;

/// <summary>
/// Registers the API scopes with their resources and the clients, updating existing registrations so the database
/// always matches the configuration (new redirect URIs, a new secret) after a start. The password-grant client exists
/// only with the demo users, the confidential clients only with a configured secret.
/// </summary>
public sealed partial class ClientSeeder(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    IOptions<ClientOptions> options,
    IOptions<DemoUserOptions> demoUsers,
    ILogger<ClientSeeder> logger)
{
    private static readonly string[] UserScopePermissions =
    [
        Permissions.Scopes.Email,
        Permissions.Scopes.Profile,
        Permissions.Scopes.Roles,
        .. ApiScopes.All.Select(scope => Permissions.Prefixes.Scope + scope),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var scope in ApiScopes.All)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = scope, DisplayName = $"The {scope} API", Resources = { scope } };
            if (await scopes.FindByNameAsync(scope, ct) is { } existing)
            {
                await scopes.UpdateAsync(existing, descriptor, ct);
            }
            else
            {
                await scopes.CreateAsync(descriptor, ct);
            }
        }

        await UpsertAsync(WebClient(options.Value.Web), ct);
        if (demoUsers.Value.Enabled)
        {
            await UpsertAsync(CliClient(), ct);
        }
        else
        {
            // Deleting the client also deletes its authorizations and tokens: no refresh token of the demo era survives.
            await DeleteIfPresentAsync(ClientIds.Cli, ct);
        }

        if (string.IsNullOrWhiteSpace(options.Value.Storefront.Secret))
        {
            // Not an error: a deployment without the storefront simply has no such client, and an old secret stops working.
            LogStorefrontClientSkipped(logger, ClientIds.Storefront);
            await DeleteIfPresentAsync(ClientIds.Storefront, ct);
        }
        else
        {
            await UpsertAsync(StorefrontClient(options.Value.Storefront.Secret, options.Value.Storefront), ct);
        }

        if (string.IsNullOrWhiteSpace(options.Value.LegacyAdapter.Secret))
        {
            // A deployment without the legacy capability has no such client, and a secret no longer configured stops working.
            LogLegacyAdapterClientSkipped(logger, ClientIds.LegacyAdapter);
            await DeleteIfPresentAsync(ClientIds.LegacyAdapter, ct);
        }
        else
        {
            await UpsertAsync(LegacyAdapterClient(options.Value.LegacyAdapter.Secret), ct);
        }

        if (string.IsNullOrWhiteSpace(options.Value.Services.Secret))
        {
            LogServicesClientSkipped(logger, ClientIds.Services);
            // A client whose secret is no longer configured must not keep working with the old one.
            await DeleteIfPresentAsync(ClientIds.Services, ct);
        }
        else
        {
            await UpsertAsync(ServicesClient(options.Value.Services.Secret), ct);
        }
    }

    private static OpenIddictApplicationDescriptor WebClient(WebClientOptions web)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientIds.Web,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            // First-party front end: users are not asked to consent to their own store.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "AspireMsa web front end",
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.EndSession,
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            .. UserScopePermissions,
        ]);
        descriptor.RedirectUris.UnionWith(web.RedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(web.PostLogoutRedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor StorefrontClient(string secret, StorefrontClientOptions storefront)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientIds.Storefront,
            ClientSecret = secret,
            // Its tokens stay on its server, so it can keep a secret: a stolen code or refresh token is useless without it.
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            // First-party front end: users are not asked to consent to their own store.
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "AspireMsa storefront",
            // PKCE as well as the secret (OAuth 2.1): it also stops a code injected into the storefront's own session.
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.EndSession,
            Permissions.Endpoints.Token,
            // Sign-out revokes the refresh token, so a copy of it taken from the server stops working too.
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            // Asking for offline_access is what gets a refresh token (TokenPrincipalFactory keeps the granted scopes).
            Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            .. UserScopePermissions,
        ]);
        descriptor.RedirectUris.UnionWith(storefront.RedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(storefront.PostLogoutRedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor CliClient()
    {
        // The password grant is deprecated for real clients; it exists here only so demos, tests and benchmarks can get
        // user tokens from a script. It is a public client: there is no secret a script could keep.
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientIds.Cli,
            ClientType = ClientTypes.Public,
            DisplayName = "AspireMsa CLI (demo, tests, benchmarks)",
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Token,
            // So scripts and tests can revoke the refresh tokens they were given.
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.Password,
            Permissions.GrantTypes.RefreshToken,
            .. UserScopePermissions,
        ]);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor ServicesClient(string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientIds.Services,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "AspireMsa services",
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            .. ApiScopes.All.Select(scope => Permissions.Prefixes.Scope + scope),
        ]);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor LegacyAdapterClient(string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientIds.LegacyAdapter,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "AspireMsa legacy adapter",
        };
        // Only what placing and reading orders needs: the ordering audience; the catalog it reads is public.
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + ApiScopes.Ordering,
        ]);
        return descriptor;
    }

    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }

    private async Task DeleteIfPresentAsync(string clientId, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is { } stale)
        {
            await applications.DeleteAsync(stale, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clients:Services:Secret is not set: the confidential client {ClientId} is not registered, so client credentials tokens cannot be issued")]
    private static partial void LogServicesClientSkipped(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clients:LegacyAdapter:Secret is not set: the legacy adapter's client {ClientId} is not registered")]
    private static partial void LogLegacyAdapterClientSkipped(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clients:Storefront:Secret is not set: the storefront client {ClientId} is not registered")]
    private static partial void LogStorefrontClientSkipped(ILogger logger, string clientId);
}
