using AspireMsa.Identity.Api.Clients;
using AspireMsa.Identity.Api.Infrastructure;
using AspireMsa.Identity.Api.KeyRing;
using AspireMsa.Identity.Api.Keys;
using AspireMsa.Identity.Api.SignIn;
using AspireMsa.Identity.Api.Tokens;
using AspireMsa.Identity.Api.Users;
using AspireMsa.ServiceDefaults.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AspireMsa.Identity.Api.Extensions;

public static class IdentityServiceExtensions
{
    public const string DatabaseName = "identitydb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>(DatabaseName, configureDbContextOptions: options => options.LogFailedCommandsAsWarnings());
        builder.Services.AddMigration<IdentityDbContext>(IdentitySeeder.SeedAsync);
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.AddValidatedOptions();
        builder.AddUserStore();
        builder.AddTokenServer();
        builder.AddGatewayForwardedHeaders();

        // Protects login cookies and the token keys: in the database, every replica shares one ring and restarts keep it.
        // Each key is encrypted under a secret that is never stored there, so a database dump alone opens no token key.
        builder.Services.AddSingleton(services =>
            KeyEncryptionKey.Derive(services.GetRequiredService<IOptions<KeyEncryptionOptions>>().Value.KeyEncryptionKey!));
        builder.Services.AddDataProtection()
            .SetApplicationName(KeyEncryptionOptions.ApplicationName)
            .PersistKeysToDbContext<IdentityDbContext>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<KeyEncryptionKey>((options, key) => options.XmlEncryptor = new AesGcmXmlEncryptor(key));

        builder.Services.AddScoped<PlainKeyRingUpgrade>();
        builder.Services.AddScoped<LoginThrottle>();
        builder.Services.AddScoped<UnknownUserPasswordCheck>();
        builder.Services.AddScoped<PasswordLogin>();
        builder.Services.AddScoped<AccountProvisioner>();
        builder.Services.AddScoped<AdminAccountSeeder>();
        builder.Services.AddScoped<DemoUserSeeder>();
        builder.Services.AddScoped<ClientSeeder>();
        builder.Services.AddAntiforgery();
        builder.Services.AddOpenApi();
        builder.AddCapability(new("Users, roles and the OpenID Connect token server every other capability trusts.", "team-identity"))
            .WithTables<IdentityDbContext>();
        return builder;
    }

    private static void AddValidatedOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TokenServerOptions>()
            .BindConfiguration(TokenServerOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(TokenServerOptions.HasValidIssuer, "Tokens:Issuer must be an absolute URL, e.g. the gateway's http://localhost:5080/.")
            .Validate(TokenServerOptions.PublishesKeysBeforeUse, "Tokens:KeyPublishLeadTime must be longer than Tokens:KeyRefreshInterval, or a replica could sign with a key the others have not published.")
            .ValidateOnStart();
        builder.Services.AddOptions<ClientOptions>()
            .BindConfiguration(ClientOptions.SectionName)
            .Validate(ClientOptions.HasAbsoluteUris, "Clients:Web:RedirectUris, Clients:Web:PostLogoutRedirectUris, Clients:Storefront:RedirectUris and Clients:Storefront:PostLogoutRedirectUris must hold absolute http(s) URLs.")
            .Validate(ClientOptions.StorefrontCanSignIn, "Clients:Storefront:RedirectUris must list at least one URL when Clients:Storefront:Secret is set.")
            .Validate(ClientOptions.LegacyAdapterActsForAnAccount, "Clients:LegacyAdapter:Account must name the customer account the legacy client orders as when Clients:LegacyAdapter:Secret is set.")
            .ValidateOnStart();
        // Demo users are on by default only in Development; configuration (the AppHost's DemoUsers__Enabled) decides otherwise.
        builder.Services.AddOptions<DemoUserOptions>()
            .Configure(options => options.Enabled = builder.Environment.IsDevelopment())
            .BindConfiguration(DemoUserOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<KeyEncryptionOptions>()
            .BindConfiguration(KeyEncryptionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<LoginThrottleOptions>()
            .BindConfiguration(LoginThrottleOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(LoginThrottleOptions.DelaysStayBelowTheLockout,
                "Login:LockoutThreshold must lie above the highest score the delays allow (raise it, or MaxDelay, or shorten HalfLife), and MaxDelay must not be below BaseDelay.")
            .ValidateOnStart();
        builder.Services.AddOptions<AdminAccountOptions>()
            .BindConfiguration(AdminAccountOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    private static void AddUserStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<IdentityUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); the AppHost's generated demo password has no symbols.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                // Locked only by PasswordLogin's backstop, never by Identity's failure counter, which does not decay.
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;

                // The login cookie then carries the same claim names as the tokens.
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.EmailClaimType = Claims.Email;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager();
    }
}
