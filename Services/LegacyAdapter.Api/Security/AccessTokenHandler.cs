using System.Net;
using System.Net.Http.Headers;

namespace AspireMsa.LegacyAdapter.Api.Security;

/// <summary>Sends every call of the order client with the legacy customer account's token.</summary>
public sealed class AccessTokenHandler(AccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Forget(token);
        }

        return response;
    }
}
