using AspireMsa.EventBus.Inbox;
using AspireMsa.EventBus.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.EventBus;

public static class ModelBuilderExtensions
{
    /// <summary>
    /// Adds the outbox and inbox tables to a service's model, so its own migrations create them in its own database.
    /// Column names are snake_case because the relay and the inbox address them in raw SQL.
    /// </summary>
    public static ModelBuilder AddEventBusTables(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var outbox = modelBuilder.Entity<OutboxMessage>();
        outbox.ToTable("outbox_messages");
        outbox.HasKey(m => m.Id);
        outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        outbox.Property(m => m.Type).HasColumnName("type").HasMaxLength(OutboxMessage.TypeMaxLength);
        outbox.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
        outbox.Property(m => m.AggregateId).HasColumnName("aggregate_id");
        outbox.Property(m => m.Sequence).HasColumnName("sequence");
        outbox.Property(m => m.TraceParent).HasColumnName("traceparent").HasMaxLength(OutboxMessage.TraceParentMaxLength);
        outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
        outbox.Property(m => m.SentAt).HasColumnName("sent_at");
        outbox.Property(m => m.Attempts).HasColumnName("attempts");
        outbox.Property(m => m.LockedUntil).HasColumnName("locked_until");
        outbox.Property(m => m.ParkedAt).HasColumnName("parked_at");
        // The relay's claim query reads only unsent rows, oldest first.
        outbox.HasIndex(m => new { m.CreatedAt, m.Sequence }).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        outbox.HasIndex(m => new { m.AggregateId, m.Sequence }).IsUnique().HasDatabaseName("ux_outbox_messages_aggregate_sequence");
        // Retention deletes sent rows by age; operators list parked ones.
        outbox.HasIndex(m => m.SentAt).HasFilter("sent_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_sent_at");
        outbox.HasIndex(m => m.ParkedAt).HasFilter("parked_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_parked_at");

        var sequences = modelBuilder.Entity<AggregateSequence>();
        sequences.ToTable("outbox_sequences");
        sequences.HasKey(s => s.AggregateId);
        sequences.Property(s => s.AggregateId).HasColumnName("aggregate_id").ValueGeneratedNever();
        sequences.Property(s => s.LastSequence).HasColumnName("last_sequence");

        var inbox = modelBuilder.Entity<InboxMessage>();
        inbox.ToTable("inbox_messages");
        inbox.HasKey(m => m.MessageId);
        inbox.Property(m => m.MessageId).HasColumnName("message_id").ValueGeneratedNever();
        inbox.Property(m => m.Type).HasColumnName("type").HasMaxLength(OutboxMessage.TypeMaxLength);
        inbox.Property(m => m.Source).HasColumnName("source").HasMaxLength(InboxMessage.SourceMaxLength);
        inbox.Property(m => m.ReceivedAt).HasColumnName("received_at");
        inbox.Property(m => m.Deliveries).HasColumnName("deliveries");
        inbox.HasIndex(m => m.ReceivedAt).HasDatabaseName("ix_inbox_messages_received_at");

        var positions = modelBuilder.Entity<InboxAggregatePosition>();
        positions.ToTable("inbox_aggregate_positions");
        positions.HasKey(p => new { p.Source, p.AggregateId });
        positions.Property(p => p.Source).HasColumnName("source").HasMaxLength(InboxMessage.SourceMaxLength);
        positions.Property(p => p.AggregateId).HasColumnName("aggregate_id");
        positions.Property(p => p.LastSequence).HasColumnName("last_sequence");
        // Rows written before this column existed count as written at the upgrade, so retention waits a full age for them.
        positions.Property(p => p.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql("now()");
        positions.HasIndex(p => p.UpdatedAt).HasDatabaseName("ix_inbox_aggregate_positions_updated_at");

        return modelBuilder;
    }
}
