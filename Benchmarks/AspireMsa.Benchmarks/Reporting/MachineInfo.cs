using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AspireMsa.Benchmarks.Tools;

namespace AspireMsa.Benchmarks.Reporting;

/// <summary>The machine a run was measured on: numbers from one machine mean little without it.</summary>
public sealed record MachineInfo(
    int Cores,
    string Cpu,
    double MemoryGiB,
    string OperatingSystem,
    string Kernel,
    string DotnetRuntime,
    string DotnetSdk,
    string GarbageCollector)
{
    public static async Task<MachineInfo> CaptureAsync() => new(
        Environment.ProcessorCount,
        ProcValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Math.Round(double.Parse(ProcValue("/proc/meminfo", "MemTotal")?.Split(' ')[0] ?? "0", CultureInfo.InvariantCulture) / 1024 / 1024, 1),
        OsRelease() ?? RuntimeInformation.OSDescription,
        ReadFirstLine("/proc/sys/kernel/osrelease") ?? Environment.OSVersion.VersionString,
        RuntimeInformation.FrameworkDescription,
        await SdkVersionAsync(),
        "services: ASP.NET Core defaults (Server GC, concurrent)");

    /// <summary>The 1-minute load average, or 0 where /proc/loadavg does not exist.</summary>
    public static double LoadAverage() =>
        ReadFirstLine("/proc/loadavg") is { } line ? double.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture) : 0;

    private static string? ProcValue(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string? OsRelease() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault()
            : null;

    private static string? ReadFirstLine(string file) => File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;

    private static async Task<string> SdkVersionAsync()
    {
        try
        {
            using var dotnet = new ChildProcess(new ProcessStartInfo("dotnet", "--version"));
            var (exitCode, output, _) = await dotnet.WaitAsync(TimeSpan.FromSeconds(30));
            return exitCode == 0 ? output.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
