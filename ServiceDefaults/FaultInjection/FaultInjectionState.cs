namespace AspireMsa.ServiceDefaults.FaultInjection;

/// <summary>The fault this process currently injects; per process on purpose, so one replica or version can be made sick.</summary>
public sealed class FaultInjectionState
{
    private volatile InjectedFault _current = InjectedFault.None;

    public InjectedFault Current => _current;

    public void Set(InjectedFault fault) => _current = fault;
}
