using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// A real OTLP/HTTP endpoint on a loopback port: every service exports to it and it keeps the spans. Metrics and logs are
/// accepted and dropped. Decoded with Google.Protobuf's wire reader, as the generated OTLP types are not packaged.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private WebApplication? _app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ExportedSpan> Spans => [.. _spans];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            foreach (var span in ReadExportRequest(body.ToArray()))
            {
                _spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        _app.MapPost("/v1/{signal}", () => Results.Bytes([], "application/x-protobuf"));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Endpoint = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static IEnumerable<ExportedSpan> ReadExportRequest(byte[] payload) =>
        Fields(payload).Where(f => f.Number == 1).SelectMany(f => ReadResourceSpans(f.Bytes));

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private static IEnumerable<ExportedSpan> ReadResourceSpans(ByteString resourceSpans)
    {
        var fields = Fields(resourceSpans.ToByteArray()).ToList();
        var service = fields.Where(f => f.Number == 1).Select(f => ServiceName(f.Bytes)).FirstOrDefault() ?? "?";
        return fields.Where(f => f.Number == 2).SelectMany(f => ReadScopeSpans(service, f.Bytes)).ToList();
    }

    // Resource { repeated KeyValue attributes = 1; } KeyValue { string key = 1; AnyValue value = 2; } AnyValue { string string_value = 1; }
    private static string? ServiceName(ByteString resource) =>
        Fields(resource.ToByteArray()).Where(f => f.Number == 1)
            .Select(f => Fields(f.Bytes.ToByteArray()).ToList())
            .Where(kv => kv.Any(f => f.Number == 1 && f.Bytes.ToStringUtf8() == "service.name"))
            .Select(kv => kv.Where(f => f.Number == 2).SelectMany(f => Fields(f.Bytes.ToByteArray())).FirstOrDefault(f => f.Number == 1)?.Bytes.ToStringUtf8())
            .FirstOrDefault();

    // ScopeSpans { InstrumentationScope scope = 1 { string name = 1; }; repeated Span spans = 2; }
    private static IEnumerable<ExportedSpan> ReadScopeSpans(string service, ByteString scopeSpans)
    {
        var fields = Fields(scopeSpans.ToByteArray()).ToList();
        var scope = fields.Where(f => f.Number == 1).SelectMany(f => Fields(f.Bytes.ToByteArray())).FirstOrDefault(f => f.Number == 1)?.Bytes.ToStringUtf8() ?? "?";
        return fields.Where(f => f.Number == 2).Select(f => ReadSpan(service, scope, f.Bytes)).ToList();
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; fixed64 start_time_unix_nano = 7; }
    private static ExportedSpan ReadSpan(string service, string scope, ByteString span)
    {
        var fields = Fields(span.ToByteArray()).ToList();
        string Hex(int number) => Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number)?.Bytes.ToByteArray() ?? []);
        var startNanos = fields.FirstOrDefault(f => f.Number == 7)?.Fixed64 ?? 0;
        return new ExportedSpan(
            service, scope, Hex(1), Hex(2), Hex(4),
            fields.FirstOrDefault(f => f.Number == 5)?.Bytes.ToStringUtf8() ?? string.Empty,
            DateTimeOffset.UnixEpoch.AddTicks((long)(startNanos / 100)));
    }

    private static IEnumerable<Field> Fields(byte[] message)
    {
        var input = new CodedInputStream(message);
        var fields = new List<Field>();
        while (input.ReadTag() is var tag and not 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.LengthDelimited:
                    fields.Add(new Field(number, input.ReadBytes(), 0));
                    break;
                case WireFormat.WireType.Fixed64:
                    fields.Add(new Field(number, ByteString.Empty, input.ReadFixed64()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return fields;
    }

    private sealed record Field(int Number, ByteString Bytes, ulong Fixed64);
}
