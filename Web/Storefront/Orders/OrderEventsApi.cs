using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using AspireMsa.Storefront.Components.Shared;
using AspireMsa.Storefront.Extensions;
using AspireMsa.Storefront.StoreApi;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AspireMsa.Storefront.Orders;

/// <summary>
/// The live order page's two calls: a server-sent event stream that says "the status changed" the moment the order's
/// status reaches this replica, and the timeline fragment the page then fetches and swaps in.
/// </summary>
public static class OrderEventsApi
{
    public const string StatusEvent = "status";
    public const string KeepAliveEvent = "keep-alive";

    public static RouteGroupBuilder MapOrderEventsApi(this IEndpointRouteBuilder app)
    {
        // Fetched by the page's script: an expired session answers 401 (the cookie scheme), not a login redirect.
        var api = app.MapGroup("/orders/{id:guid}").ExcludeFromDescription()
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme });
        api.MapGet("/events", StreamAsync);
        api.MapGet("/timeline", TimelineAsync);
        return api;
    }

    public static async Task<IResult> StreamAsync(
        Guid id, ClaimsPrincipal user, StoreApiClient store, OrderStatusFeed feed, IOptions<StorefrontOptions> options, CancellationToken ct)
    {
        // The gateway answers only the buyer's own order; anyone else's stream ends here.
        var order = await store.GetOrderDetailsAsync(id, ct);
        if (!order.Succeeded)
        {
            return TypedResults.StatusCode(ApiProblemPage.StatusCodeOf(order.Outcome));
        }

        var buyerId = user.FindFirstValue("sub") ?? string.Empty;
        return TypedResults.ServerSentEvents(UpdatesAsync(feed.Watch(id, buyerId), options.Value.LiveKeepAliveInterval, ct));
    }

    public static async Task<IResult> TimelineAsync(Guid id, StoreApiClient store, CancellationToken ct)
    {
        var order = await store.GetOrderDetailsAsync(id, ct);
        return order.Succeeded
            ? new RazorComponentResult<OrderTimeline>(new { Order = order.Value.Order })
            : TypedResults.StatusCode(ApiProblemPage.StatusCodeOf(order.Outcome));
    }

    private static async IAsyncEnumerable<SseItem<string>> UpdatesAsync(
        OrderStatusSubscription subscription, TimeSpan keepAlive, [EnumeratorCancellation] CancellationToken ct)
    {
        using (subscription)
        {
            while (!ct.IsCancellationRequested)
            {
                var next = subscription.Updates.WaitToReadAsync(ct).AsTask();
                if (await Task.WhenAny(next, Task.Delay(keepAlive, ct)) != next)
                {
                    // Keeps idle proxies (the gateway, a load balancer) from closing a quiet stream.
                    yield return new SseItem<string>(string.Empty, KeepAliveEvent);
                    continue;
                }

                if (!await next)
                {
                    yield break;
                }

                while (subscription.Updates.TryRead(out var update))
                {
                    yield return new SseItem<string>(update.Status, StatusEvent);
                }
            }
        }
    }
}
