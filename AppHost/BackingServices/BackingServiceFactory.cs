using System.Globalization;
using AspireMsa.AppHost.BackingServices.LocalProcesses;
using AspireMsa.AppHost.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspireMsa.AppHost.BackingServices;

/// <summary>
/// Creates PostgreSQL, Redis and RabbitMQ, and Prometheus and Alertmanager, as containers or as local processes from the
/// OS packages. Either way services receive the same connection strings through <c>WithReference</c>.
/// </summary>
public sealed class BackingServiceFactory
{
    public const string ModeSetting = "BackingServices:Mode";
    public const string DataDirectorySetting = "BackingServices:DataDirectory";

    // Official images, pinned: a monitoring stack that changes under a demo is no demo.
    private const string PrometheusImage = "prom/prometheus";
    private const string PrometheusTag = "v3.5.0";
    private const string AlertmanagerImage = "prom/alertmanager";
    private const string AlertmanagerTag = "v0.28.1";
    private const string ContainerConfigDirectory = "/etc/monitoring";
    // How a container reaches processes on the host (Docker Desktop's name; Aspire maps it on Linux engines too).
    private const string ContainerHostNameValue = "host.docker.internal";

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

    /// <summary>How containers reach the host's processes, when backing services run as containers; otherwise null.</summary>
    public string? ContainerHostName => Mode == BackingServiceMode.Containers ? ContainerHostNameValue : null;

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

    /// <summary>
    /// A folder of the run's data (kept across runs only where <c>BackingServices:DataDirectory</c> is set) for a service
    /// that keeps files, such as the analytics lake. Run mode only.
    /// </summary>
    public string DataDirectoryFor(string name) => _dataDirectory.Value.ForServer(name);

    /// <summary>
    /// Alertmanager, delivering every alert to <paramref name="webhook"/> with <paramref name="webhookSecret"/> as bearer
    /// secret. Its configuration is written just before it starts, when the webhook's port is allocated. Run mode only.
    /// </summary>
    public IResourceBuilder<IResourceWithEndpoints> AddAlertmanager(
        string name, EndpointReference webhook, string webhookPath, IResourceBuilder<ParameterResource> webhookSecret)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(webhookSecret);
        var inContainer = Mode == BackingServiceMode.Containers;
        var directory = _dataDirectory.Value.ForServer(name, readableByContainers: inContainer);
        var configFile = Path.Combine(directory, "alertmanager.yml");

        IResourceBuilder<IResourceWithEndpoints> alertmanager = inContainer
            ? _builder.AddContainer(name, AlertmanagerImage, AlertmanagerTag)
                .WithBindMount(directory, ContainerConfigDirectory, isReadOnly: true)
                .WithHttpEndpoint(targetPort: 9093, name: "http")
                .WithArgs($"--config.file={ContainerConfigDirectory}/alertmanager.yml", "--cluster.listen-address=")
            : _builder.AddLocalAlertmanager(name, directory, configFile);

        _builder.Eventing.Subscribe<BeforeResourceStartedEvent>(alertmanager.Resource, async (_, ct) =>
        {
            var port = await webhook.Property(EndpointProperty.Port).GetValueAsync(ct).ConfigureAwait(false);
            var url = new UriBuilder(Uri.UriSchemeHttp, inContainer ? ContainerHostNameValue : "localhost", int.Parse(port!, CultureInfo.InvariantCulture), webhookPath).Uri;
            var secret = await webhookSecret.Resource.GetValueAsync(ct).ConfigureAwait(false);
            // It holds the secret: only our user reads it, unless a container's own user must.
            await SecretFile.WriteAsync(configFile, AlertmanagerConfigFile.Render(url, secret!), inContainer
                ? SecretFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                : SecretFile.OwnerOnly, ct).ConfigureAwait(false);
        });

        return alertmanager.WithHttpHealthCheck("/-/ready").ExcludeFromManifest();
    }

    /// <summary>
    /// Prometheus, scraping every service replica (targets kept current by <see cref="ScrapeTargetsWriter"/>) and
    /// evaluating <c>Monitoring/alert-rules.yml</c> from the repository, alerts going to <paramref name="alertmanager"/>. Run mode only.
    /// </summary>
    public IResourceBuilder<IResourceWithEndpoints> AddPrometheus(string name, IResourceBuilder<IResourceWithEndpoints> alertmanager)
    {
        ArgumentNullException.ThrowIfNull(alertmanager);
        var inContainer = Mode == BackingServiceMode.Containers;
        var directory = _dataDirectory.Value.ForServer(name, readableByContainers: inContainer);
        var targetsDirectory = Directory.CreateDirectory(Path.Combine(directory, "targets")).FullName;
        var configFile = Path.Combine(directory, "prometheus.yml");
        var rulesFile = Path.Combine(_builder.AppHostDirectory, "Monitoring", "alert-rules.yml");

        IResourceBuilder<IResourceWithEndpoints> prometheus = inContainer
            ? _builder.AddContainer(name, PrometheusImage, PrometheusTag)
                .WithBindMount(directory, ContainerConfigDirectory, isReadOnly: true)
                .WithBindMount(rulesFile, $"{ContainerConfigDirectory}/rules/alert-rules.yml", isReadOnly: true)
                .WithHttpEndpoint(targetPort: 9090, name: "http")
                .WithArgs($"--config.file={ContainerConfigDirectory}/prometheus.yml", "--storage.tsdb.path=/prometheus")
            : _builder.AddLocalPrometheus(name, directory, configFile);

        _builder.Eventing.Subscribe<BeforeResourceStartedEvent>(prometheus.Resource, (_, ct) => File.WriteAllTextAsync(configFile, inContainer
            ? PrometheusConfigFile.Render($"{ContainerConfigDirectory}/rules/alert-rules.yml", $"{ContainerConfigDirectory}/targets")
            : PrometheusConfigFile.Render(rulesFile, targetsDirectory), ct));
        _builder.Services.AddHostedService(services => new ScrapeTargetsWriter(
            services.GetRequiredService<ResourceNotificationService>(),
            new ScrapeTargetsSettings(targetsDirectory, inContainer ? ContainerHostNameValue : "localhost", PerReplica: !inContainer, alertmanager.Resource),
            services.GetRequiredService<ILogger<ScrapeTargetsWriter>>()));

        return prometheus.WithHttpHealthCheck("/-/ready").ExcludeFromManifest();
    }

    private IResourceBuilder<T> WithVolumeIfKept<T>(IResourceBuilder<T> resource, Func<IResourceBuilder<T>, IResourceBuilder<T>> withVolume)
        where T : IResource =>
        _builder.ExecutionContext.IsRunMode && !string.IsNullOrWhiteSpace(_builder.Configuration[DataDirectorySetting])
            ? withVolume(resource)
            : resource;
}
