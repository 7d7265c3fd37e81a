namespace AspireMsa.Gateway.RateLimiting;

/// <summary>
/// Reads the username of a password-grant token request so the limiter can count guesses per username. The limiter's
/// partition callback is synchronous and cannot read a form, so this runs first and rewinds the body for the proxy.
/// </summary>
public sealed class TokenRequestUsernameMiddleware(RequestDelegate next)
{
    public const string TokenPath = "/connect/token";
    public const string UsernameItemKey = "ratelimit.username";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase) && request.HasFormContentType)
        {
            request.EnableBuffering();
            var form = await request.ReadFormAsync(context.RequestAborted);
            context.Items[UsernameItemKey] = form["username"].ToString().Trim().ToUpperInvariant();
            request.Body.Position = 0;
        }

        await next(context);
    }
}
