using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The built AppHost started as a real, separate process, the way a user starts it, for tests about the process
/// itself (publishing, shutdown, hygiene). Dashboard ports are allocated so it can run beside a dev run.
/// </summary>
public sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static AppHostProcess Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Projects.AppHost.ProjectPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(AssemblyPath());
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        startInfo.Environment["Gateway__HttpPort"] = "0";
        startInfo.Environment["Parameters__demo-user-password"] = SystemFixture.DemoUserPassword;
        startInfo.Environment["Parameters__admin-password"] = SystemFixture.AdminPassword;
        startInfo.Environment["Parameters__identity-key-encryption-key"] = SystemFixture.KeyEncryptionKey;

        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppHostProcess(process);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void KillHard() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string AssemblyPath()
    {
        // Tests/<project>/bin/<Configuration>/<tfm>/ → the AppHost built in the same configuration.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        return Path.Combine(Projects.AppHost.ProjectPath, "bin", configuration, testOutput.Name, "AppHost.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
