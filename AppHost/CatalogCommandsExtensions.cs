namespace AspireMsa.AppHost;

public static class CatalogCommandsExtensions
{
    public const string RebuildReadModelCommand = "rebuild-read-model";
    public const string ReadModelStatsCommand = "read-model-stats";

    private const string ReadModelAdminPath = "/api/catalog/admin/read-model";

    /// <summary>
    /// Dashboard commands on the catalog: rebuild the Redis read model from PostgreSQL (after an incident, or to repair
    /// it by hand) and show its counters; both answer with the endpoint's JSON.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReadModelCommands(this IResourceBuilder<ProjectResource> catalog, OperatorAccess operatorAccess) =>
        catalog
            .WithHttpCommand($"{ReadModelAdminPath}/rebuild", "Rebuild read model", endpointName: "http", commandName: RebuildReadModelCommand,
                commandOptions: operatorAccess.AdminCommand(
                    HttpMethod.Post,
                    "Rewrites every product and index in Redis from PostgreSQL; newer data already in Redis is kept.",
                    iconName: "ArrowSync",
                    confirmationMessage: "Rebuild the catalog read model in Redis from PostgreSQL?"))
            .WithHttpCommand($"{ReadModelAdminPath}/stats", "Read model stats", endpointName: "http", commandName: ReadModelStatsCommand,
                commandOptions: operatorAccess.AdminCommand(
                    HttpMethod.Get,
                    "Hits, misses, database loads, fallbacks and pending outbox rows of the Redis read model.",
                    iconName: "DataBarVertical"));
}
