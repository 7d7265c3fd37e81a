using System.ComponentModel.DataAnnotations;

namespace AspireMsa.EventBus;

/// <summary>Tuning of the event bus, bound from the <c>EventBus</c> section and validated at start-up.</summary>
public sealed class EventBusOptions
{
    public const string SectionName = "EventBus";

    /// <summary>Unacknowledged deliveries the broker hands this replica at once.</summary>
    [Range(1, 1000)]
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>Messages this replica processes in parallel (each in its own transaction).</summary>
    [Range(1, 64)]
    public ushort ConsumerConcurrency { get; set; } = 4;

    /// <summary>
    /// Wait before each redelivery of a failed message; after the last one the message is dead-lettered. Left empty it
    /// takes <see cref="DefaultRetryDelays"/> (set after binding: the configuration binder appends to an array's initial items).
    /// </summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    /// <summary>How often the relay looks for unsent rows when no commit woke it (the safety net).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 1000)]
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How long a claimed row stays hidden from other relays; a relay that dies mid-batch frees its rows after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wait before a row whose publish failed (broker down, unroutable) is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a publish may wait for the broker's confirm before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait between attempts to reconnect to the broker, and to set up consumers after a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BrokerRecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each replica reads its dead-letter queue's depth for the metrics.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DeadLetterDepthInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The broker's own cap on deliveries of one message in a service queue (<c>x-delivery-limit</c>): a backstop for a
    /// message that crashes its consumer before the bus can count an attempt; past it the broker dead-letters to the DLQ.
    /// </summary>
    [Range(1, 1000)]
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>Failed publishes of one outbox row before it is parked for an operator; an unreachable broker costs no attempt.</summary>
    [Range(1, 10_000)]
    public int OutboxMaxAttempts { get; set; } = 20;

    /// <summary>The first wait before the consumer is set up again after the broker closed its channel or cancelled it; doubles up to <see cref="ConsumerRestartMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ConsumerRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan ConsumerRestartMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent outbox rows, processed inbox rows and aggregate positions older than this are purged.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan RetentionAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the purge runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so a large purge never holds long locks.</summary>
    [Range(1, 100_000)]
    public int RetentionBatchSize { get; set; } = 1000;

    public const int MaxRetryDelays = 10;

    internal static bool HasValidRetryDelays(EventBusOptions options) =>
        options.RetryDelays.Length <= MaxRetryDelays && options.RetryDelays.All(d => d > TimeSpan.Zero && d <= TimeSpan.FromHours(1));

    internal static bool HasValidRestartDelays(EventBusOptions options) => options.ConsumerRestartDelay <= options.ConsumerRestartMaxDelay;
}
