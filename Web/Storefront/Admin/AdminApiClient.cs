using System.Globalization;
using System.Text.Json;
using AspireMsa.Storefront.StoreApi;

namespace AspireMsa.Storefront.Admin;

/// <summary>
/// The admin area's calls, typed: the same gateway admin APIs the dashboard's commands call, with the signed-in admin's
/// token. A plain wrapper over <see cref="StoreApiClient"/>'s JSON helpers, so it needs no registration of its own.
/// </summary>
public sealed class AdminApiClient(StoreApiClient store)
{
    public const string CanaryPath = "/api/gateway/admin/canary";
    public const string AlertsPath = "/api/alerts";
    public const string ReadModelPath = "/api/catalog/admin/read-model";

    /// <summary>Enough to see what is failing; the count says how many there are in all.</summary>
    public const int DeadLetterPageSize = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ApiResult<CanaryRelease[]>> GetCanaryReleasesAsync(CancellationToken ct) =>
        Typed<CanaryRelease[]>(await store.GetJsonAsync(CanaryPath, ct));

    public async Task<ApiResult<CanaryRelease>> SetCanaryWeightAsync(string release, int canaryWeight, CancellationToken ct) =>
        Typed<CanaryRelease>(await store.SendJsonAsync(HttpMethod.Put, $"{CanaryPath}/{Uri.EscapeDataString(release)}", new { canaryWeight }, ct));

    public async Task<ApiResult<AdminAlert[]>> GetAlertsAsync(CancellationToken ct) =>
        Typed<AdminAlert[]>(await store.GetJsonAsync(AlertsPath, ct));

    public async Task<ApiResult<DeadLetterList>> GetDeadLettersAsync(DeadLetterService service, CancellationToken ct) =>
        Typed<DeadLetterList>(await store.GetJsonAsync(
            $"{service.AdminPrefix}/dead-letters?max={DeadLetterPageSize.ToString(CultureInfo.InvariantCulture)}", ct));

    public async Task<ApiResult<DeadLetterReplay>> ReplayDeadLettersAsync(DeadLetterService service, CancellationToken ct) =>
        Typed<DeadLetterReplay>(await store.SendJsonAsync(HttpMethod.Post, $"{service.AdminPrefix}/dead-letters/replay", null, ct));

    /// <summary>Left as JSON: the page lists whatever counters the catalog reports, so a new one shows without a change here.</summary>
    public Task<ApiResult<JsonElement>> GetReadModelStatsAsync(CancellationToken ct) =>
        store.GetJsonAsync($"{ReadModelPath}/stats", ct);

    public async Task<ApiResult<ReadModelRebuild>> RebuildReadModelAsync(CancellationToken ct) =>
        Typed<ReadModelRebuild>(await store.SendJsonAsync(HttpMethod.Post, $"{ReadModelPath}/rebuild", null, ct));

    private static ApiResult<T> Typed<T>(ApiResult<JsonElement> result)
    {
        if (result.Outcome != ApiOutcome.Succeeded)
        {
            return result.As<T>();
        }

        T? value;
        try
        {
            // An empty answer (204) arrives as an undefined element, which cannot be read.
            value = result.Value.ValueKind is JsonValueKind.Undefined ? default : result.Value.Deserialize<T>(Json);
        }
        catch (JsonException)
        {
            value = default;
        }

        if (value is not null)
        {
            return new ApiResult<T>(ApiOutcome.Succeeded, value, ServedBy: result.ServedBy);
        }

        return new ApiResult<T>(ApiOutcome.Unavailable, default, "The service answered with something the storefront could not read.", ServedBy: result.ServedBy);
    }
}
