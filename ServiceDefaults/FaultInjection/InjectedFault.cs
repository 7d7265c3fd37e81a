using System.Text.Json.Serialization;

namespace AspireMsa.ServiceDefaults.FaultInjection;

/// <summary>What every API request of this process suffers: a delay before it is handled, and a share answered 503.</summary>
/// <remarks>Unknown fields are refused: with every field optional, a misspelt one would silently clear the fault.</remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InjectedFault(int DelayMilliseconds, double ErrorRate)
{
    public static readonly InjectedFault None = new(0, 0);
}
