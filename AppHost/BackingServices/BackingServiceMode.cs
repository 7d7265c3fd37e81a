namespace AspireMsa.AppHost.BackingServices;

/// <summary>How PostgreSQL, Redis and RabbitMQ run in run mode (setting <c>BackingServices:Mode</c>).</summary>
public enum BackingServiceMode
{
    /// <summary>Containers when a container runtime answers, local processes otherwise.</summary>
    Auto,

    /// <summary>The standard Aspire container resources (AddPostgres, AddRedis, AddRabbitMQ).</summary>
    Containers,

    /// <summary>The servers from the operating system's packages, run as local processes by DCP.</summary>
    LocalProcesses,
}
