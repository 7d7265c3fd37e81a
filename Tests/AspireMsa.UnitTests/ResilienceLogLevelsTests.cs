using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspireMsa.UnitTests;

public class ResilienceLogLevelsTests
{
    [Fact]
    public async Task AttemptsThatTimeOut_AreLoggedAsWarnings_NotErrors_EvenTheLast()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HttpClientResilience:AttemptTimeout:Timeout"] = "00:00:00.050",
            ["HttpClientResilience:TotalRequestTimeout:Timeout"] = "00:00:05",
            ["HttpClientResilience:Retry:MaxRetryAttempts"] = "1",
            ["HttpClientResilience:Retry:Delay"] = "00:00:00.010",
        });
        builder.AddServiceDefaults();
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddHttpClient("hanging").ConfigurePrimaryHttpMessageHandler(() => new HangingHandler());
        using var services = builder.Services.BuildServiceProvider();

        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("hanging");
        // Polly 7 is loaded too (by a transitive package), so the exception is named rather than typed.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync(new Uri("http://127.0.0.1/")));
        Assert.Equal("TimeoutRejectedException", failure.GetType().Name);

        var polly = logs.Entries.Where(entry => entry.Category.StartsWith("Polly", StringComparison.Ordinal)).ToList();
        Assert.Contains(polly, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("OnTimeout", StringComparison.Ordinal));
        Assert.DoesNotContain(polly, entry => entry.Level >= LogLevel.Error);
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
        }
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CategoryLogger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class CategoryLogger(string category, System.Collections.Concurrent.ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
