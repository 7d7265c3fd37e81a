using AspireMsa.Identity.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The storefront's confidential client exists only while <c>Clients:Storefront:Secret</c> is set. The identity service's
/// own start-up (migrations and the real seeders), run in-process on a fresh database of the system's PostgreSQL, as in
/// <see cref="DemoUserModeTests"/>: the AppHost of this branch configures no storefront.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StorefrontClientSeedingTests(SystemFixture system)
{
    private const string ClientId = "aspiremsa-storefront";
    private const string Secret = "Integration-Tests-Storefront-Secret";

    [Fact]
    public async Task AConfiguredSecret_RegistersTheStorefrontAsAConfidentialClient_AndRemovingItDeletesTheRegistration()
    {
        var server = await system.App.GetConnectionStringAsync("postgres") ?? throw new InvalidOperationException("postgres has no connection string.");
        var database = $"identity_storefront_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"""CREATE DATABASE "{database}" """);
        var identityDb = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await StartIdentityAsync(identityDb, new()
            {
                ["Clients:Storefront:Secret"] = Secret,
                ["Clients:Storefront:RedirectUris:0"] = "http://localhost:5200/signin-oidc",
                ["Clients:Storefront:PostLogoutRedirectUris:0"] = "http://localhost:5200/signout-callback-oidc",
            }, async applications =>
            {
                var storefront = await applications.FindByClientIdAsync(ClientId);
                Assert.NotNull(storefront);
                Assert.Equal(ClientTypes.Confidential, await applications.GetClientTypeAsync(storefront));
                Assert.True(await applications.ValidateClientSecretAsync(storefront, Secret));
                Assert.Contains(Requirements.Features.ProofKeyForCodeExchange, await applications.GetRequirementsAsync(storefront));
                var permissions = await applications.GetPermissionsAsync(storefront);
                Assert.Contains(Permissions.Endpoints.Revocation, permissions);
                Assert.Contains(Permissions.GrantTypes.RefreshToken, permissions);
                Assert.Contains(Permissions.Prefixes.Scope + Scopes.OfflineAccess, permissions);
                Assert.Equal("http://localhost:5200/signin-oidc", Assert.Single(await applications.GetRedirectUrisAsync(storefront)));
            });

            await StartIdentityAsync(identityDb, [], async applications =>
                Assert.Null(await applications.FindByClientIdAsync(ClientId)));
        }
        finally
        {
            await ExecuteAsync(server, $"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
        }
    }

    private static async Task StartIdentityAsync(
        string identityDb, Dictionary<string, string?> clients, Func<IOpenIddictApplicationManager, Task> check)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(clients)
        {
            [$"ConnectionStrings:{IdentityServiceExtensions.DatabaseName}"] = identityDb,
            ["DemoUsers:Enabled"] = "false",
            ["AdminAccount:Password"] = SystemFixture.AdminPassword,
            ["DataProtection:KeyEncryptionKey"] = SystemFixture.KeyEncryptionKey,
            ["Tokens:Issuer"] = "http://localhost:5080/",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        IdentityServiceExtensions.AddApplicationServices(builder);

        await using var app = builder.Build();
        // Migrations and seeding run inside StartAsync, before the service would listen.
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await check(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>());
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
