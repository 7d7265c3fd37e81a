using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Gateway.Middleware;

/// <summary>The largest body a client may send through the edge (<c>Gateway:MaxRequestBodyBytes</c>), answered 413 above it.</summary>
public sealed class RequestBodyLimitOptions
{
    public const string SectionName = "Gateway";

    /// <summary>A gateway that buffers nothing still should not stream gigabytes to a service: 100 MiB at most.</summary>
    public const long UpperBound = 100 * 1024 * 1024;

    [Range(1, UpperBound, ErrorMessage = "Gateway:MaxRequestBodyBytes must be between 1 and 104857600 (100 MiB).")]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
}
