using System.Globalization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The TCP sockets the given processes listen on, from <c>/proc/net/tcp</c> and <c>tcp6</c> (no <c>ss</c> needed): each
/// listening socket's inode, matched to the <c>socket:[inode]</c> links under each process's <c>/proc/&lt;pid&gt;/fd</c>.
/// </summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    public static List<ListeningSocket> Of(IEnumerable<SystemProcess> processes)
    {
        var listening = ReadTable("/proc/net/tcp").Concat(ReadTable("/proc/net/tcp6")).ToDictionary(entry => entry.Inode, entry => entry.Address);
        var sockets = new List<ListeningSocket>();
        foreach (var process in processes)
        {
            foreach (var inode in SocketInodes(process.Pid))
            {
                if (listening.TryGetValue(inode, out var address))
                {
                    sockets.Add(new ListeningSocket(process, address));
                }
            }
        }

        return sockets;
    }

    private static IEnumerable<(long Inode, IPEndPoint Address)> ReadTable(string path)
    {
        // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[3] == ListenState)
            {
                yield return (long.Parse(fields[9], CultureInfo.InvariantCulture), ParseAddress(fields[1]));
            }
        }
    }

    /// <summary>Hex address and port; the address is stored as 32-bit words in host (little-endian) order.</summary>
    private static IPEndPoint ParseAddress(string field)
    {
        var parts = field.Split(':');
        var hex = parts[0];
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            for (var b = 0; b < 4; b++)
            {
                bytes[(word * 4) + b] = byte.Parse(hex.AsSpan((word * 8) + ((3 - b) * 2), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        return new IPEndPoint(new IPAddress(bytes), int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    private static List<long> SocketInodes(int pid)
    {
        var inodes = new List<long>();
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process ended, or a descriptor closed, while we looked.
        }

        return inodes;
    }
}
