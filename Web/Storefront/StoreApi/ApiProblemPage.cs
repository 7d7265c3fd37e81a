using System.Globalization;
using AspireMsa.Storefront.Extensions;

namespace AspireMsa.Storefront.StoreApi;

/// <summary>
/// Turns a failed gateway call into the status of the storefront's own answer; the status-code pages then render the
/// page that explains it (<see cref="ProblemPage"/>), with the detail and wait hint passed along in the request's items.
/// </summary>
public static class ApiProblemPage
{
    public const string DetailItem = "storefront.problem.detail";
    public const string RetryAfterItem = "storefront.problem.retry-after";
    public const string ThingItem = "storefront.problem.thing";

    public static int StatusCodeOf(ApiOutcome outcome) => outcome switch
    {
        ApiOutcome.NotFound => StatusCodes.Status404NotFound,
        ApiOutcome.SignInRequired => StatusCodes.Status401Unauthorized,
        ApiOutcome.Forbidden => StatusCodes.Status403Forbidden,
        ApiOutcome.RateLimited => StatusCodes.Status429TooManyRequests,
        ApiOutcome.Rejected => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    public static IResult For<T>(HttpContext context, ApiResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        context.Items[DetailItem] = result.Detail;
        if (result.RetryAfter is { } wait)
        {
            context.Items[RetryAfterItem] = wait;
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        // No body, so the status-code pages render the storefront's page for it.
        return TypedResults.StatusCode(StatusCodeOf(result.Outcome));
    }
}
