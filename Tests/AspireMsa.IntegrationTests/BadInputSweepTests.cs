using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Every public route, driven by the services' own OpenAPI documents, gets a few hundred bad inputs through the gateway
/// as a caller the route lets in: no bad input answers a 5xx, each rejection is problem details, and nothing changes.
/// </summary>
[Collection(SystemCollection.Name)]
public class BadInputSweepTests(SystemFixture system)
{
    private static readonly string[] Services = ["catalog", "ordering", "inventory", "identity"];

    // Counts that only a successful write moves (the saga's own updates run in the background and are left out).
    private static readonly (string Database, string Query)[] StateQueries =
    [
        ("catalogdb", "select count(*) || ':' || coalesce(sum(\"Version\"), 0) from products"),
        ("orderingdb", "select count(*)::text from orders"),
        ("inventorydb", "select count(*)::text from stock_items"),
        ("identitydb", "select count(*)::text from token_keys"),
    ];

    [Fact]
    public async Task NoBadInput_OnAnyPublicRoute_AnswersA5xx_OrAnythingButProblemDetails_OrChangesState()
    {
        var cases = new List<BadInputCase>();
        foreach (var service in Services)
        {
            cases.AddRange(BadInputs.For(await LoadAsync(service)));
        }

        cases.AddRange(BadInputs.ForTokenServer());
        // Bounded: the documents fix the count; a jump means the generator, not the API, changed.
        Assert.InRange(cases.Count, 150, 1000);

        var clients = new Dictionary<string, HttpClient>
        {
            [BadInputs.Anonymous] = system.Gateway,
            [BadInputs.Customer] = await system.GatewayAsAsync(BadInputs.Customer),
            [BadInputs.Admin] = await system.GatewayAsAsync(BadInputs.Admin),
        };
        var before = await StableStateAsync();

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (badInput, ct) =>
        {
            if (await FailureAsync(clients[badInput.Caller], badInput, ct) is { } failure)
            {
                failures.Add(failure);
            }
        });

        var after = await StateAsync();
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} bad inputs were mishandled:\n{string.Join("\n", failures.Order())}");
        Assert.Equal(before, after);
    }

    private static async Task<string?> FailureAsync(HttpClient client, BadInputCase badInput, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(badInput.Method, badInput.PathAndQuery);
        request.Headers.ExpectContinue = badInput.ExpectContinue;
        if (badInput.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = badInput.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : null;
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, ct);
        }
        catch (HttpRequestException exception)
        {
            return $"{badInput} → no answer: {exception.Message}";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            var answer = $"{badInput} → {status} {response.Content.Headers.ContentType?.MediaType} {(text.Length > 200 ? text[..200] + "…" : text)}";
            if (status >= 500)
            {
                return answer;
            }

            if (status < 400)
            {
                return badInput.MustReject ? $"{answer} (accepted)" : null;
            }

            return !badInput.ExpectsProblem || IsProblem(status, response.Content.Headers.ContentType?.MediaType, text) ? null : $"{answer} (not problem details)";
        }
    }

    private static bool IsProblem(int status, string? mediaType, string text)
    {
        if (mediaType != "application/problem+json" || text.Contains("   at ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            return problem.TryGetProperty("status", out var declared) && declared.GetInt32() == status
                && problem.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString());
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Waits out writes still settling from earlier tests, so the sweep is compared with a state at rest.</summary>
    private async Task<string> StableStateAsync()
    {
        var state = await StateAsync();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var next = await StateAsync();
            if (next == state)
            {
                return state;
            }

            state = next;
        }

        return state;
    }

    private async Task<string> StateAsync()
    {
        var parts = new List<string>();
        foreach (var (database, query) in StateQueries)
        {
            await using var connection = await system.OpenDatabaseAsync(database);
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            parts.Add($"{database}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>A service still warming up may keep the portal waiting: the documents are the input, not what is tested.</summary>
    private async Task<OpenApiDocument> LoadAsync(string service)
    {
        string? json = null;
        Assert.True(await Polling.UntilAsync(async () =>
        {
            using var response = await system.Gateway.GetAsync($"/openapi/{service}.json");
            json = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
            return json is not null;
        }, TimeSpan.FromSeconds(60)), $"The {service} document did not load.");

        var document = OpenApiDocument.Parse(json!, OpenApiConstants.Json, new OpenApiReaderSettings()).Document;
        Assert.NotNull(document);
        return document;
    }
}
