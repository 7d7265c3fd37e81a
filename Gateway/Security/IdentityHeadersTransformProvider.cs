using System.Security.Claims;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace AspireMsa.Gateway.Security;

/// <summary>
/// Identity propagation on every proxied request: drops whatever <c>X-User-*</c> headers the client sent, then adds
/// the verified user's id, name and roles. The bearer token travels on unchanged, so services can verify it too.
/// </summary>
public sealed class IdentityHeadersTransformProvider : ITransformProvider
{
    public const string HeaderPrefix = "X-User-";
    public const string UserIdHeader = "X-User-Id";
    public const string UserNameHeader = "X-User-Name";
    public const string UserRolesHeader = "X-User-Roles";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context) => context.AddRequestTransform(transform =>
    {
        var headers = transform.ProxyRequest.Headers;
        foreach (var forged in headers.Select(h => h.Key).Where(IsIdentityHeader).ToList())
        {
            headers.Remove(forged);
        }

        var user = transform.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            headers.TryAddWithoutValidation(UserIdHeader, user.FindFirstValue("sub"));
            headers.TryAddWithoutValidation(UserNameHeader, Uri.EscapeDataString(user.FindFirstValue("name") ?? string.Empty));
            headers.TryAddWithoutValidation(UserRolesHeader, string.Join(',', user.FindAll("role").Select(r => r.Value)));
        }

        return ValueTask.CompletedTask;
    });

    private static bool IsIdentityHeader(string name) => name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase);
}
