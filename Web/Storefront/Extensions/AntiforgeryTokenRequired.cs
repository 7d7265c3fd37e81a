using Microsoft.AspNetCore.Antiforgery;

namespace AspireMsa.Storefront.Extensions;

/// <summary>
/// Refuses a post whose antiforgery token the middleware found missing or wrong. Minimal APIs enforce the token only
/// where a parameter is bound from the form; sign-out and the admin buttons post no field, yet another site must not press them.
/// </summary>
public sealed class AntiforgeryTokenRequired : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
            ? await next(context)
            : TypedResults.BadRequest();
    }
}
