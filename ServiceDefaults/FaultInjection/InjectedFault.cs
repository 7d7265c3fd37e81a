namespace Microsoft.Extensions.Hosting;

/// <summary>What every API request of this process suffers: a delay before it is handled, and a share answered 503.</summary>
public sealed record InjectedFault(int DelayMilliseconds, double ErrorRate)
{
    public static readonly InjectedFault None = new(0, 0);
}
