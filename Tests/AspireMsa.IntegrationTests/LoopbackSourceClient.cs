using System.Net.Sockets;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// An HTTP client whose connections come from a chosen loopback address (Linux accepts all of 127.0.0.0/8 on loopback),
/// straight to one gateway replica: the orchestrator's proxy would connect from 127.0.0.1 whatever the client's address.
/// </summary>
public static class LoopbackSourceClient
{
    public static HttpClient Create(IPAddress source, Uri target) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = target,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
