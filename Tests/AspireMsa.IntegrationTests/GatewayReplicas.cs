using System.Globalization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The address each gateway replica listens on itself, behind the orchestrator's proxy: the IPv4 listening sockets of
/// its process tree (from <c>/proc</c>), kept when they serve the gateway's routes. A start-up log line would do, but
/// the log backlog a test can replay is bounded and a busy gateway pushes it out.
/// </summary>
public static class GatewayReplicas
{
    private const string ListenState = "0A";

    public static async Task<List<Uri>> DirectAddressesAsync(DistributedApplication app)
    {
        var listening = ListeningSockets();
        var addresses = new List<Uri>();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var pid in (await ServiceProcesses.PidsAsync(app, new Dictionary<string, int> { ["gateway"] = 2 })).Values)
        {
            foreach (var port in ServiceProcesses.Tree(pid).SelectMany(SocketInodes).Where(listening.ContainsKey).Select(inode => listening[inode]).Distinct())
            {
                var address = new Uri($"http://127.0.0.1:{port}");
                using var discovery = await probe.GetAsync(new Uri(address, "/.well-known/openid-configuration"));
                if (discovery.IsSuccessStatusCode)
                {
                    addresses.Add(address);
                    break;
                }
            }
        }

        Assert.Equal(2, addresses.Count);
        return addresses;
    }

    /// <summary>Listening IPv4 sockets on loopback by inode: "sl local rem st ... uid timeout inode", the local address in hex.</summary>
    private static Dictionary<string, int> ListeningSockets() =>
        File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == ListenState && fields[1].StartsWith("0100007F:", StringComparison.Ordinal))
            .GroupBy(fields => fields[9])
            .ToDictionary(group => group.Key, group => int.Parse(group.First()[1][9..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static IEnumerable<string> SocketInodes(int pid)
    {
        string[] descriptors;
        try
        {
            descriptors = Directory.GetFiles($"/proc/{pid}/fd");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var descriptor in descriptors)
        {
            var target = new FileInfo(descriptor).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                yield return target["socket:[".Length..^1];
            }
        }
    }
}
