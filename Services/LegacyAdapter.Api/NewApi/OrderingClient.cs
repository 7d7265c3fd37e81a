using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>The order API through the gateway, as the legacy customer account (<see cref="Security.AccessTokenHandler"/> adds its token).</summary>
public sealed class OrderingClient(HttpClient http)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const string OrdersPath = "/api/orders";

    /// <summary>
    /// Places the order under the key: the order API answers a repeat of the key with the order it placed first, so a retry
    /// here, or the whole legacy call run again after a crash, never places a second one.
    /// </summary>
    public async Task<OrderPlacement> PlaceAsync(PlaceOrderRequest order, string idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(OrdersPath, UriKind.Relative)) { Content = JsonContent.Create(order) };
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        using var response = await http.SendAsync(request, ct);

        // The buyer's open-order limit (409) and a key reused with other lines (422): the order API's refusals, not failures.
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(ct);
            return new OrderPlacement(null, (int)response.StatusCode, problem?.Detail ?? problem?.Title ?? $"The order API refused the order ({(int)response.StatusCode}).");
        }

        return new OrderPlacement(await NewApiResponses.ReadAsync<OrderSummary>(response, ct));
    }

    /// <returns>The order, or <see langword="null"/> when the account has no such order.</returns>
    public async Task<OrderSummary?> GetAsync(Guid id, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri($"{OrdersPath}/{id}", UriKind.Relative), ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await NewApiResponses.ReadAsync<OrderSummary>(response, ct);
    }
}
