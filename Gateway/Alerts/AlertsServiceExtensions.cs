using Microsoft.AspNetCore.Authentication;

namespace AspireMsa.Gateway.Alerts;

public static class AlertsServiceExtensions
{
    /// <summary>The alert webhook: its secret-based authentication and policy, and the Redis store both replicas share.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertsOptions>()
            .BindConfiguration(AlertsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AlertWebhookAuthenticationHandler>(AlertWebhookAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(AlertsApi.WebhookPolicy, policy => policy
            .AddAuthenticationSchemes(AlertWebhookAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(AlertWebhookAuthenticationHandler.SenderRole));
        builder.Services.AddSingleton<AlertStore>();
        return builder;
    }
}
