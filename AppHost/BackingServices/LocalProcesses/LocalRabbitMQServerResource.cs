namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>RabbitMQ from the OS packages as a DCP-managed process, with Aspire's <c>RabbitMQServerResource</c> connection-string format.</summary>
public sealed class LocalRabbitMQServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string DistributionEndpointName = "dist";
    // The container image's default user, so both modes hand services the same credentials shape.
    public const string UserName = "guest";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public EndpointReference DistributionEndpoint => new(this, DistributionEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter:uri}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
