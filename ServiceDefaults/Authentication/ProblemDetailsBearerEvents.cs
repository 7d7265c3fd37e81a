using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.ServiceDefaults.Authentication;

/// <summary>
/// 401 and 403 from the bearer handler as problem details. A service that does not call <c>UseAuthorization</c> itself
/// gets it ahead of every middleware it adds, so its status code pages never see these answers.
/// </summary>
internal static class ProblemDetailsBearerEvents
{
    public static JwtBearerEvents Create() => new()
    {
        OnChallenge = async context =>
        {
            // Keep what the default challenge says in WWW-Authenticate (RFC 6750), then answer with a body.
            context.HandleResponse();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = string.IsNullOrEmpty(context.Error)
                ? "Bearer"
                : $"Bearer error=\"{context.Error}\"";
            await WriteAsync(context.HttpContext, "A valid access token is required.");
        },
        OnForbidden = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return WriteAsync(context.HttpContext, "The access token does not grant the role or scope this endpoint requires.");
        },
    };

    private static async Task WriteAsync(HttpContext http, string detail)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Detail = detail },
        });
    }
}
