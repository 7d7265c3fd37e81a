namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>Reads a successful answer of a new API; any other answer is a failure the legacy client sees as "unavailable".</summary>
public static class NewApiResponses
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}",
                inner: null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(ct)
            ?? throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered an empty body.");
    }
}
