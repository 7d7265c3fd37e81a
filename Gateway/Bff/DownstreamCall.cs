using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AspireMsa.Gateway.Bff;

/// <summary>One GET to a service behind the gateway, with every way it can fail turned into a <see cref="DownstreamOutcome"/>.</summary>
public static partial class DownstreamCall
{
    public static async Task<DownstreamResult<T>> GetAsync<T>(HttpClient http, Uri requestUri, ILogger logger, CancellationToken ct)
        where T : class
    {
        try
        {
            using var response = await http.GetAsync(requestUri, ct);
            if (!response.IsSuccessStatusCode)
            {
                var outcome = response.StatusCode switch
                {
                    HttpStatusCode.NotFound => DownstreamOutcome.NotFound,
                    >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => DownstreamOutcome.Refused,
                    _ => DownstreamOutcome.Failed,
                };
                LogUnsuccessful(logger, requestUri, (int)response.StatusCode);
                return new(outcome, StatusCode: (int)response.StatusCode);
            }

            var value = await response.Content.ReadFromJsonAsync<T>(ct);
            return value is null
                ? new(DownstreamOutcome.Failed, StatusCode: (int)response.StatusCode)
                : new(DownstreamOutcome.Succeeded, value, (int)response.StatusCode);
        }
        catch (TimeoutRejectedException ex)
        {
            LogFailed(logger, requestUri, DownstreamOutcome.TimedOut, ex);
            return new(DownstreamOutcome.TimedOut);
        }
        catch (Exception ex) when (ex is HttpRequestException or BrokenCircuitException)
        {
            LogFailed(logger, requestUri, DownstreamOutcome.Unreachable, ex);
            return new(DownstreamOutcome.Unreachable);
        }
        catch (JsonException ex)
        {
            LogFailed(logger, requestUri, DownstreamOutcome.Failed, ex);
            return new(DownstreamOutcome.Failed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GET {RequestUri} answered {StatusCode}")]
    private static partial void LogUnsuccessful(ILogger logger, Uri requestUri, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET {RequestUri} failed: {Outcome}")]
    private static partial void LogFailed(ILogger logger, Uri requestUri, DownstreamOutcome outcome, Exception exception);
}
