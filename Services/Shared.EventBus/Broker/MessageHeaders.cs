using System.Globalization;
using System.Text;

namespace AspireMsa.EventBus.Broker;

/// <summary>The AMQP headers the bus writes and reads, and how to read them back (strings arrive as UTF-8 bytes).</summary>
public static class MessageHeaders
{
    public const string TraceParent = "traceparent";
    public const string AggregateId = "x-aggregate-id";
    public const string Sequence = "x-sequence";
    /// <summary>Failed processing attempts so far; the broker's own delivery count differs between RabbitMQ 3.x and 4.x.</summary>
    public const string Attempts = "x-attempts";
    public const string DeadLetterReason = "x-dead-letter-reason";
    public const string DeadLetteredAt = "x-dead-lettered-at";
    public const string Replays = "x-replays";

    public static string? GetString(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    public static long? GetInt64(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte or sbyte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                byte[] bytes when long.TryParse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            }
            : null;

    /// <summary>
    /// A copy of the headers without the broker's <c>x-death</c>, <c>x-first-death-*</c> and <c>x-last-death-*</c> records,
    /// which the broker writes itself and which RabbitMQ 4 ignores or refuses from publishers.
    /// </summary>
    public static Dictionary<string, object?> WithoutBrokerDeathRecords(IDictionary<string, object?>? headers) =>
        (headers ?? new Dictionary<string, object?>())
            .Where(h => !h.Key.StartsWith("x-death", StringComparison.Ordinal)
                && !h.Key.StartsWith("x-first-death", StringComparison.Ordinal)
                && !h.Key.StartsWith("x-last-death", StringComparison.Ordinal))
            .ToDictionary(h => h.Key, h => h.Value);
}
