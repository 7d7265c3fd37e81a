using System.Diagnostics;
using System.Globalization;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Freezes and thaws a process with SIGSTOP and SIGCONT (through <c>kill</c>, which .NET has no API for): unlike a stop,
/// the process keeps its sockets open and simply stops answering, like a hung or overloaded server.
/// </summary>
public static class ProcessSignals
{
    public static void Freeze(int pid) => Send("-STOP", pid);

    public static void Thaw(int pid) => Send("-CONT", pid);

    private static void Send(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { signal, pid.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill {signal} {pid} exited with {kill.ExitCode}.");
    }
}
