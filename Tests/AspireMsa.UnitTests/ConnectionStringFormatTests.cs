using AspireMsa.AppHost.BackingServices.LocalProcesses;

namespace AspireMsa.UnitTests;

/// <summary>
/// Services use the standard Aspire client integrations in both modes, so the local resources must hand out connection
/// strings of exactly the shape Aspire's container resources do. Compared on allocated endpoints with real values.
/// </summary>
public class ConnectionStringFormatTests
{
    private const string Password = "s3cretValue";

    [Fact]
    public async Task LocalPostgres_MatchesAspirePostgresServerAndDatabase()
    {
        var password = Parameter("pg-password");
        var container = new PostgresServerResource("postgres", userName: null, password);
        var local = new LocalPostgresServerResource("postgres", "sh", "/tmp", password);
        Allocate(container, "tcp", 5432);
        Allocate(local, LocalPostgresServerResource.PrimaryEndpointName, 5432);

        Assert.Equal(
            await container.ConnectionStringExpression.GetValueAsync(default),
            await local.ConnectionStringExpression.GetValueAsync(default));

        var containerDb = new PostgresDatabaseResource("catalogdb", "catalogdb", container);
        var localDb = new LocalPostgresDatabaseResource("catalogdb", "catalogdb", local);
        var expected = await containerDb.ConnectionStringExpression.GetValueAsync(default);
        Assert.Equal(expected, await localDb.ConnectionStringExpression.GetValueAsync(default));
        Assert.Equal($"Host=localhost;Port=5432;Username=postgres;Password={Password};Database=catalogdb", expected);
    }

    [Fact]
    public async Task LocalRedis_MatchesAspireRedis()
    {
        var password = Parameter("redis-password");
        var container = new RedisResource("redis", password);
        var local = new LocalRedisResource("redis", "redis-server", "/tmp", password);
        Allocate(container, "tcp", 6379);
        Allocate(local, LocalRedisResource.PrimaryEndpointName, 6379);

        Assert.Equal(
            await container.ConnectionStringExpression.GetValueAsync(default),
            await local.ConnectionStringExpression.GetValueAsync(default));
    }

    [Fact]
    public async Task LocalRabbitMQ_MatchesAspireRabbitMQ()
    {
        var password = Parameter("rabbitmq-password");
        var container = new RabbitMQServerResource("rabbitmq", userName: null, password);
        var local = new LocalRabbitMQServerResource("rabbitmq", "rabbitmq-server", "/tmp", password);
        Allocate(container, "tcp", 5672);
        Allocate(local, LocalRabbitMQServerResource.PrimaryEndpointName, 5672);

        var expected = await container.ConnectionStringExpression.GetValueAsync(default);
        Assert.Equal(expected, await local.ConnectionStringExpression.GetValueAsync(default));
        Assert.Equal($"amqp://guest:{Password}@localhost:5672", expected);
    }

    private static ParameterResource Parameter(string name) => new(name, _ => Password, secret: true);

    private static void Allocate(IResourceWithEndpoints resource, string endpointName, int port)
    {
        var endpoint = new EndpointAnnotation(System.Net.Sockets.ProtocolType.Tcp, uriScheme: "tcp", name: endpointName, port: port, targetPort: port);
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
        resource.Annotations.Add(endpoint);
    }
}
