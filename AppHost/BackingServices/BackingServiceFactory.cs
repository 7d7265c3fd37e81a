using AspireMsa.AppHost.BackingServices.LocalProcesses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMsa.AppHost.BackingServices;

/// <summary>
/// Creates PostgreSQL, Redis and RabbitMQ as Aspire containers or as local processes from the OS packages.
/// Either way services receive the same connection strings through <c>WithReference</c>.
/// </summary>
public sealed class BackingServiceFactory
{
    public const string ModeSetting = "BackingServices:Mode";
    public const string DataDirectorySetting = "BackingServices:DataDirectory";

    private readonly IDistributedApplicationBuilder _builder;
    private readonly Lazy<RunDataDirectory> _dataDirectory;

    private BackingServiceFactory(IDistributedApplicationBuilder builder, BackingServiceMode mode)
    {
        _builder = builder;
        Mode = mode;
        _dataDirectory = new Lazy<RunDataDirectory>(() =>
        {
            var directory = RunDataDirectory.Create(builder.Configuration[DataDirectorySetting]);
            builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, _) =>
            {
                @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(directory.DeleteIfPerRun);
                return Task.CompletedTask;
            });
            return directory;
        });
    }

    public BackingServiceMode Mode { get; }

    public static BackingServiceFactory Create(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var configured = builder.Configuration.GetValue(ModeSetting, BackingServiceMode.Auto);
        var runtime = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"];
        var mode = BackingServiceModeResolver.Resolve(
            configured, builder.ExecutionContext.IsPublishMode, () => ContainerRuntimeProbe.IsAvailable(runtime));
        return new BackingServiceFactory(builder, mode);
    }

    public IPostgresServer AddPostgres(string name) => Mode == BackingServiceMode.Containers
        ? new ContainerPostgresServer(WithVolumeIfKept(_builder.AddPostgres(name), b => b.WithDataVolume()))
        : new LocalPostgresServer(_builder.AddLocalPostgres(name, _dataDirectory.Value));

    public IResourceBuilder<IResourceWithConnectionString> AddRedis(string name) => Mode == BackingServiceMode.Containers
        ? WithVolumeIfKept(_builder.AddRedis(name), b => b.WithDataVolume())
        : _builder.AddLocalRedis(name, _dataDirectory.Value);

    public IResourceBuilder<IResourceWithConnectionString> AddRabbitMQ(string name) => Mode == BackingServiceMode.Containers
        ? WithVolumeIfKept(_builder.AddRabbitMQ(name), b => b.WithDataVolume())
        : _builder.AddLocalRabbitMQ(name, _dataDirectory.Value);

    private IResourceBuilder<T> WithVolumeIfKept<T>(IResourceBuilder<T> resource, Func<IResourceBuilder<T>, IResourceBuilder<T>> withVolume)
        where T : IResource =>
        _builder.ExecutionContext.IsRunMode && !string.IsNullOrWhiteSpace(_builder.Configuration[DataDirectorySetting])
            ? withVolume(resource)
            : resource;
}
