namespace AspireMsa.IntegrationTests;

/// <summary>A TCP socket in the LISTEN state and the process that holds it.</summary>
public sealed record ListeningSocket(SystemProcess Process, IPEndPoint Address)
{
    public bool IsLoopback => IPAddress.IsLoopback(Address.Address.IsIPv4MappedToIPv6 ? Address.Address.MapToIPv4() : Address.Address);

    public override string ToString() => $"{Process} on {Address}";
}
