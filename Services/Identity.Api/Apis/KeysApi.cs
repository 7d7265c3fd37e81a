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
            .WithDescription("The new keys take over when the service next starts (restart every replica). The keys they replace "
                + "stay published in JWKS until every token they produced has expired, so no issued token stops validating.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<Ok<KeyRotationResponse>> RotateKeys(TokenKeyManager keys, CancellationToken ct)
    {
        var created = await keys.RotateAsync(ct);
        var signing = created.Single(k => k.Use == TokenKeyUse.Signing);
        var encryption = created.Single(k => k.Use == TokenKeyUse.Encryption);
        return TypedResults.Ok(new KeyRotationResponse(signing.KeyId, encryption.KeyId, signing.CreatedAt));
    }
}
