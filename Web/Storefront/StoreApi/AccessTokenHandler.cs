using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace AspireMsa.Storefront.StoreApi;

/// <summary>
/// Sends the signed-in user's access token with each gateway call. The token never reaches the browser: it lives in the
/// sign-in ticket, which lives in Redis; the browser's cookie holds only the ticket's key.
/// </summary>
public sealed class AccessTokenHandler(IHttpContextAccessor contextAccessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (contextAccessor.HttpContext is { User.Identity.IsAuthenticated: true } context
            && await context.GetTokenAsync("access_token") is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
