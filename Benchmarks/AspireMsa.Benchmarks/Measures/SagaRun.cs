using System.Collections.Concurrent;

namespace AspireMsa.Benchmarks.Measures;

/// <summary>One phase of placing orders: the orders answered 202 with the moment each POST was sent, and the rest.</summary>
public sealed record SagaRun(ConcurrentDictionary<Guid, DateTimeOffset> Accepted, int Posted, int Refused, TimeSpan Elapsed);
