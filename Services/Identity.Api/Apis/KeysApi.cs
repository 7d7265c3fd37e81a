using AspireMsa.Identity.Api.Keys;
using AspireMsa.Identity.Api.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMsa.Identity.Api.Apis;

public static class KeysApi
{
    public const string RoutePrefix = "/api/keys";

    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RoutePrefix).WithTags("Keys").RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        api.MapPost("/rotate", RotateKeys)
            .WithName("RotateKeys")
            .WithSummary("Creates a new signing key and a new encryption key.")
            .WithDescription("The new signing key is published in JWKS at once and signs only from its notBefore, a lead time "
                + "(Tokens:KeyPublishLeadTime) later, so every service has fetched it before it meets a token signed with it. "
                + "Every replica picks the keys up without a restart. The keys they replace stay published until every token "
                + "they produced has expired.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<Ok<KeyRotationResponse>> RotateKeys(TokenKeyManager keys, TokenKeyRefresher refresher, CancellationToken ct)
    {
        var created = await keys.RotateAsync(ct);
        // Published by this replica now, by the others within their refresh interval (shorter than the lead time).
        await refresher.RefreshAsync(ct);
        var signing = created.Single(k => k.Use == TokenKeyUse.Signing);
        var encryption = created.Single(k => k.Use == TokenKeyUse.Encryption);
        return TypedResults.Ok(new KeyRotationResponse(signing.KeyId, encryption.KeyId, signing.CreatedAt, signing.NotBefore));
    }
}
