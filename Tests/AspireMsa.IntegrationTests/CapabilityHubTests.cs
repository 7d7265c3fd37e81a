using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using AspireMsa.Contracts;
using AspireMsa.UnitTests.Capabilities;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The capability hub at the gateway: every running capability's manifest, aggregated by discovery, for admins and
/// analysts only; and the metadata kept true against the code, the AppHost's published manifest and the databases.
/// </summary>
[Collection(SystemCollection.Name)]
public class CapabilityHubTests(SystemFixture system)
{
    private static readonly string[] RunningCapabilities = ["analytics", "catalog-v1", "catalog-v2", "identity", "inventory", "legacy-adapter", "ordering"];

    [Fact]
    public async Task TheHub_ListsEveryRunningCapability_AsABackstageComponent()
    {
        var capabilities = await HubCapabilities.ReadAsync(system);

        Assert.Equal(RunningCapabilities, capabilities.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, manifest) in capabilities)
        {
            Assert.Equal("backstage.io/v1alpha1", manifest["apiVersion"]!.GetValue<string>());
            Assert.Equal("Component", manifest["kind"]!.GetValue<string>());
            Assert.Equal("aspiremsa", manifest["spec"]!["system"]!.GetValue<string>());
            Assert.Contains($"{name}-openapi", manifest["spec"]!["providesApis"]!.AsArray().Select(api => api!.GetValue<string>()));
        }

        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);
        var ordering = JsonNode.Parse(await admin.GetStringAsync("/api/hub/capabilities/ordering"))!;
        Assert.Equal("ordering", ordering["metadata"]!["name"]!.GetValue<string>());
        await Problems.AssertAsync(await admin.GetAsync("/api/hub/capabilities/no-such-capability"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheHubsData_IsForAdminsAndAnalysts_AndItsPageIsPublic()
    {
        foreach (var path in new[] { "/api/hub/capabilities", "/api/hub/events", "/api/hub/datasets" })
        {
            await Problems.AssertAsync(await system.Gateway.GetAsync(path), HttpStatusCode.Unauthorized);
            await Problems.AssertAsync(await (await system.GatewayAsAsync("alice")).GetAsync(path), HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.OK, (await (await system.GatewayAsAsync("ana")).GetAsync(path)).StatusCode);
        }

        using var page = await system.Gateway.GetAsync("/hub");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"/docs\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryConsumedEvent_HasExactlyOnePublisher_AndEveryEventsSchema_IsJsonSchemaExportersForItsType()
    {
        await HubCapabilities.ReadAsync(system);
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);
        var events = JsonNode.Parse(await admin.GetStringAsync("/api/hub/events"))!.AsArray();
        var contractTypes = typeof(IntegrationEvent).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(IntegrationEvent))).ToDictionary(type => type.Name);

        Assert.Equal(contractTypes.Keys.Order(StringComparer.Ordinal), events.Select(e => e!["type"]!.GetValue<string>()));
        foreach (var @event in events)
        {
            var type = @event!["type"]!.GetValue<string>();
            Assert.True(@event["publishers"]!.AsArray().Count == 1, $"{type} has publishers {@event["publishers"]!.ToJsonString()}.");
            var expected = JsonSchemaExporter.GetJsonSchemaAsNode(JsonSerializerOptions.Web, contractTypes[type]);
            Assert.True(JsonNode.DeepEquals(expected, @event["schema"]), $"{type}'s schema differs from JsonSchemaExporter's.");
        }

        var placed = events.Single(e => e!["type"]!.GetValue<string>() == nameof(OrderPlaced))!;
        Assert.Equal(["ordering"], placed["publishers"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["analytics", "inventory"], placed["consumedBy"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task EveryServedAsyncApiDocument_ValidatesAgainstTheOfficialAsyncApi3Schema()
    {
        var capabilities = await HubCapabilities.ReadAsync(system);

        var documents = capabilities.Where(entry => entry.Value["spec"]!["asyncApi"] is JsonObject).ToList();

        Assert.NotEmpty(documents);
        foreach (var (name, manifest) in documents)
        {
            Assert.True(AsyncApiSchema.ErrorsOf(manifest["spec"]!["asyncApi"]!) is [], $"{name}: {string.Join("\n", AsyncApiSchema.ErrorsOf(manifest["spec"]!["asyncApi"]!))}");
        }
    }

    [Fact]
    public async Task EveryCapabilitysDependsOn_IsWhatTheAppHostReferences_InThePublishedManifest()
    {
        var capabilities = await HubCapabilities.ReadAsync(system);
        var published = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "infra", "aspire-manifest.snapshot.json")))!["resources"]!;

        foreach (var (name, manifest) in capabilities)
        {
            var environment = published[name]!["env"]!.AsObject().Select(variable => variable.Key).ToList();
            var referenced = environment.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                .Select(key => $"resource:{key["ConnectionStrings__".Length..]}")
                .Concat(environment.Where(key => key.StartsWith("services__", StringComparison.Ordinal))
                    .Select(key => $"component:{key["services__".Length..].Split("__")[0]}"))
                .Distinct()
                .Order(StringComparer.Ordinal);

            Assert.Equal(referenced, manifest["spec"]!["dependsOn"]!.AsArray().Select(reference => reference!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task EveryTableDataset_HasTheColumnsItsMigrationsCreated_AndEveryTableIsListed()
    {
        await HubCapabilities.ReadAsync(system);
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);
        var tables = JsonNode.Parse(await admin.GetStringAsync("/api/hub/datasets"))!.AsArray()
            .Where(dataset => dataset!["kind"]!.GetValue<string>() == "table")
            .GroupBy(dataset => dataset!["name"]!.GetValue<string>().Split('.')[0]);

        foreach (var database in tables)
        {
            var actual = await ColumnsAsync(database.Key);
            var described = database.ToDictionary(
                dataset => dataset!["name"]!.GetValue<string>()[$"{database.Key}.public.".Length..],
                dataset => dataset!["columns"]!.AsArray().Select(column => (column!["name"]!.GetValue<string>(), column["nullable"]!.GetValue<bool>())).Order().ToList());

            Assert.Equal(actual.Keys.Order(StringComparer.Ordinal), described.Keys.Order(StringComparer.Ordinal));
            foreach (var (table, columns) in described)
            {
                Assert.True(actual[table].SequenceEqual(columns), $"{database.Key}.{table}: the hub says {string.Join(", ", columns)}; the database has {string.Join(", ", actual[table])}.");
            }
        }
    }

    [Fact]
    public async Task TheDataHub_TracesAnEventThroughTheLakeIntoTheWarehouse()
    {
        await HubCapabilities.ReadAsync(system);
        var admin = await system.GatewayAsAsync(DemoUserTokens.Admin);
        var datasets = JsonNode.Parse(await admin.GetStringAsync("/api/hub/datasets"))!.AsArray().ToDictionary(dataset => dataset!["urn"]!.GetValue<string>());

        var @event = datasets["urn:li:dataset:(urn:li:dataPlatform:rabbitmq,aspiremsa.events.OrderPlaced,PROD)"]!;
        Assert.Equal("team-ordering", @event["owner"]!.GetValue<string>());
        var lake = datasets[Assert.Single(@event["downstream"]!.AsArray())!.GetValue<string>()]!;
        Assert.Equal("analytics-lake.raw.order_placed", lake["name"]!.GetValue<string>());
        Assert.Contains("urn:li:dataset:(urn:li:dataPlatform:duckdb,analytics-warehouse.main.fact_order_lines,PROD)",
            lake["downstream"]!.AsArray().Select(urn => urn!.GetValue<string>()));
        Assert.Contains(datasets.Keys, urn => urn == "urn:li:dataset:(urn:li:dataPlatform:postgres,orderingdb.public.orders,PROD)");
    }

    /// <summary>Each table of the database's public schema but EF Core's migration history, with its columns and their nullability.</summary>
    private async Task<Dictionary<string, List<(string, bool)>>> ColumnsAsync(string database)
    {
        await using var connection = await system.OpenDatabaseAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_name, column_name, is_nullable = 'YES' FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            """;
        var columns = new Dictionary<string, List<(string, bool)>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            columns[table] = [.. columns.GetValueOrDefault(table) ?? [], (reader.GetString(1), reader.GetBoolean(2))];
        }

        return columns.ToDictionary(table => table.Key, table => table.Value.Order().ToList(), StringComparer.Ordinal);
    }
}
