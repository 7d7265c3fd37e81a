using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace AspireMsa.Storefront.StoreApi;

/// <summary>
/// The storefront's one way to the back end: the gateway's API and BFF routes, with the signed-in user's access token
/// (<see cref="AccessTokenHandler"/>). Every answer becomes an <see cref="ApiResult{T}"/> a page can explain.
/// </summary>
public sealed partial class StoreApiClient(HttpClient http, ILogger<StoreApiClient> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ServedByHeader = "X-Served-By";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<ProductList>> GetProductsAsync(string? category, int page, int pageSize, CancellationToken ct)
    {
        var query = $"/api/catalog/products?page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrWhiteSpace(category))
        {
            query += $"&category={Uri.EscapeDataString(category)}";
        }

        return SendAsync<ProductList>(new HttpRequestMessage(HttpMethod.Get, query), ct);
    }

    public Task<ApiResult<ProductDetails>> GetProductDetailsAsync(Guid id, CancellationToken ct) =>
        SendAsync<ProductDetails>(new HttpRequestMessage(HttpMethod.Get, $"/bff/products/{id}"), ct);

    public Task<ApiResult<OrderList>> GetMyOrdersAsync(int page, int pageSize, CancellationToken ct) =>
        SendAsync<OrderList>(new HttpRequestMessage(
            HttpMethod.Get, $"/api/orders?page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}"), ct);

    public Task<ApiResult<OrderDetails>> GetOrderDetailsAsync(Guid id, CancellationToken ct) =>
        SendAsync<OrderDetails>(new HttpRequestMessage(HttpMethod.Get, $"/bff/orders/{id}"), ct);

    /// <summary>The key makes a repeated submission (a double click, a retry) find the first order instead of placing another.</summary>
    public Task<ApiResult<OrderAccepted>> PlaceOrderAsync(PlaceOrderRequest order, string idempotencyKey, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order, options: Json) };
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        return SendAsync<OrderAccepted>(request, ct);
    }

    public Task<ApiResult<JsonElement>> GetJsonAsync(string path, CancellationToken ct) =>
        SendAsync<JsonElement>(new HttpRequestMessage(HttpMethod.Get, path), ct);

    public Task<ApiResult<JsonElement>> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken ct) =>
        SendAsync<JsonElement>(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) }, ct);

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, ct);
                var servedBy = response.Headers.TryGetValues(ServedByHeader, out var values) ? values.FirstOrDefault() : null;
                if (response.IsSuccessStatusCode)
                {
                    var value = response.StatusCode == HttpStatusCode.NoContent
                        ? default
                        : await response.Content.ReadFromJsonAsync<T>(Json, ct);
                    return new ApiResult<T>(ApiOutcome.Succeeded, value, ServedBy: servedBy);
                }

                var detail = await ProblemDetailAsync(response, ct);
                return response.StatusCode switch
                {
                    HttpStatusCode.NotFound => new(ApiOutcome.NotFound, default, detail, ServedBy: servedBy),
                    HttpStatusCode.Unauthorized => new(ApiOutcome.SignInRequired, default, detail),
                    HttpStatusCode.Forbidden => new(ApiOutcome.Forbidden, default, detail),
                    HttpStatusCode.TooManyRequests => new(ApiOutcome.RateLimited, default, detail, RetryAfter(response)),
                    >= HttpStatusCode.InternalServerError => new(ApiOutcome.Unavailable, default, detail),
                    _ => new(ApiOutcome.Rejected, default, detail),
                };
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
            {
                LogCallFailed(logger, request.Method, request.RequestUri, exception);
                return new ApiResult<T>(ApiOutcome.Unavailable, default, "The store could not be reached in time.");
            }
        }
    }

    private static async Task<string?> ProblemDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Json, ct);
            return problem?.Detail ?? problem?.Title;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway did not answer {Method} {Uri}; the page explains it to the shopper")]
    private static partial void LogCallFailed(ILogger logger, HttpMethod method, Uri? uri, Exception exception);
}
