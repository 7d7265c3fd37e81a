using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace AspireMsa.ServiceDefaults.OpenApi;

/// <summary>
/// Adds the OAuth 2.0 security requirement, and the 401/403 answers, to each operation whose endpoint the authorization
/// middleware protects: authorization metadata (<c>RequireAuthorization</c>), or the fallback policy when it has none.
/// Anonymous endpoints, and those of a policy with an authentication scheme other than bearer tokens, get nothing, so the
/// document tells exactly which calls need a token.
/// </summary>
internal sealed class AuthorizationRequirementTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] ScopeClaimTypes = ["scope", "scp"];

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        // A process without authorization (no policy provider) protects nothing.
        var policies = context.ApplicationServices.GetService<IAuthorizationPolicyProvider>();
        if (policies is null || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
        // A policy of a scheme of its own (an API key) is no token requirement; the service that defines it describes it.
        if (policy is null || policy.AuthenticationSchemes.Any(scheme => scheme != JwtBearerDefaults.AuthenticationScheme))
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(OpenApiSecurityOptions.SchemeName, context.Document)] =
                [.. RequiredScopes(policy, context.ApplicationServices)],
        });

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No access token, or an invalid or expired one." });
        if (policy.Requirements.Any(requirement => requirement is not DenyAnonymousAuthorizationRequirement))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token is valid but lacks a required role or scope." });
        }

        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        if (roles.Count > 0)
        {
            var note = $"Requires the role {string.Join(" or ", roles)}.";
            operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? note : $"{operation.Description}\n\n{note}";
        }
    }

    /// <summary>
    /// Scopes the policy demands as claims, plus the API's own audiences: a token reaches this API only when it carries
    /// the API's audience, which the token server grants with the scope of the same name (scope catalog → aud catalog).
    /// </summary>
    private static IEnumerable<string> RequiredScopes(AuthorizationPolicy policy, IServiceProvider services)
    {
        var claimed = policy.Requirements.OfType<ClaimsAuthorizationRequirement>()
            .Where(requirement => ScopeClaimTypes.Contains(requirement.ClaimType, StringComparer.Ordinal))
            .SelectMany(requirement => requirement.AllowedValues ?? []);

        var validation = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var audiences = (validation.ValidAudiences ?? []).Append(validation.ValidAudience).OfType<string>();

        return claimed.Concat(audiences).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }
}
