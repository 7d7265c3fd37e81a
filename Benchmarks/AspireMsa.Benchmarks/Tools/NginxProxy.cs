using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace AspireMsa.Benchmarks.Tools;

/// <summary>
/// nginx as a plain reverse proxy in front of one upstream, the baseline for the gateway: HTTP/1.1 keep-alive to the
/// upstream (as YARP pools its connections), an access log line per request (as the gateway logs each request), no
/// authentication, no rate limiting. Runs in the foreground as this program's child, with everything in its own folder.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly ChildProcess _nginx;

    private NginxProxy(ChildProcess nginx, Uri url)
    {
        _nginx = nginx;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<NginxProxy> StartAsync(Uri upstream, string workDirectory)
    {
        var directory = Path.Combine(workDirectory, "nginx");
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process on;
            worker_processes auto;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log {{directory}}/access.log combined buffer=64k flush=1s;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream catalog {
                    server {{upstream.Host}}:{{upstream.Port}};
                    keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://catalog;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    }
                }
            }
            """);

        var start = new ProcessStartInfo("nginx");
        foreach (var argument in new[] { "-p", directory, "-c", config, "-e", Path.Combine(directory, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var nginx = new ChildProcess(start);
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var watch = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (nginx.HasExited)
            {
                throw new InvalidOperationException("nginx exited at start: " + nginx.Errors);
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(url, "/alive"));
                return new NginxProxy(nginx, url);
            }
            catch (HttpRequestException) when (watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose() => _nginx.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
