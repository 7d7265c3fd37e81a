namespace AspireMsa.IntegrationTests;

/// <summary>One span as a service exported it over OTLP: enough to tell traces, roots and their origin apart.</summary>
public sealed record ExportedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, DateTimeOffset Start)
{
    public bool IsRoot => ParentSpanId.Length == 0;

    public override string ToString() => $"{Start:HH:mm:ss.fff} {Service} [{Scope}] {Name}";
}
