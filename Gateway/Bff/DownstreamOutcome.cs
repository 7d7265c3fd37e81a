namespace AspireMsa.Gateway.Bff;

/// <summary>How a call to a service behind the gateway ended, in the terms a caller decides on.</summary>
public enum DownstreamOutcome
{
    Succeeded,

    /// <summary>The service answered 404: the thing asked for does not exist (or is not the caller's).</summary>
    NotFound,

    /// <summary>Any other 4xx: the service refused this caller or request (401, 403, 400).</summary>
    Refused,

    /// <summary>The service answered, but with a 5xx or a body that is not what it promises.</summary>
    Failed,

    /// <summary>The call's time budget ran out.</summary>
    TimedOut,

    /// <summary>No answer at all: the connection failed or the circuit breaker is open.</summary>
    Unreachable,
}
