using System.Text.Json;
using AspireMsa.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMsa.EventBus.Inbox;

/// <summary>
/// Runs one message through the inbox: in a single transaction it records the message id (a repeat is skipped), checks the
/// aggregate's sequence (an older event than the last applied one is skipped), runs the handler and commits. The caller
/// acknowledges only after this returns, so a crash anywhere before the commit means a redelivery, never a lost message.
/// </summary>
public sealed class InboxProcessor<TContext>(IServiceScopeFactory scopes, IReadOnlyDictionary<string, ConsumerRegistration> registrations, TimeProvider clock)
    where TContext : DbContext
{
    public async Task<InboxOutcome> ProcessAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var registration = registrations.GetValueOrDefault(message.Type)
            ?? throw new PoisonMessageException($"No handler is registered for message type '{message.Type}'.");
        var messageId = message.MessageId
            ?? throw new PoisonMessageException("The message has no GUID message id, so redeliveries could not be recognised.");
        var @event = Deserialize(message, registration);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.ExecuteInTransactionAsync(async ct =>
        {
            // Concurrent copies of one message serialize on this row: the second waits for the first's commit, then counts itself.
            var deliveries = (await db.Database.SqlQuery<int>($"""
                INSERT INTO inbox_messages AS m (message_id, type, source, received_at, deliveries)
                VALUES ({messageId}, {message.Type}, {message.Source}, {clock.GetUtcNow()}, 1)
                ON CONFLICT (message_id) DO UPDATE SET deliveries = m.deliveries + 1
                RETURNING m.deliveries AS "Value"
                """).ToListAsync(ct)).Single();
            if (deliveries > 1)
            {
                return InboxOutcome.Duplicate;
            }

            if (registration.InAggregateOrder && message.AggregateId is { } aggregateId && message.Sequence is { } sequence)
            {
                // Moves the aggregate's position forward only; the row lock orders competing consumers of one aggregate.
                var advanced = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO inbox_aggregate_positions AS p (source, aggregate_id, last_sequence, updated_at)
                    VALUES ({message.Source}, {aggregateId}, {sequence}, now())
                    ON CONFLICT (source, aggregate_id) DO UPDATE SET last_sequence = excluded.last_sequence, updated_at = excluded.updated_at
                    WHERE p.last_sequence < excluded.last_sequence
                    """, ct);
                if (advanced == 0)
                {
                    return InboxOutcome.Superseded;
                }
            }

            await registration.Handle(scope.ServiceProvider, @event, ct);
            return InboxOutcome.Processed;
        }, cancellationToken);
    }

    private static IntegrationEvent Deserialize(IncomingMessage message, ConsumerRegistration registration)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Body.Span, registration.ClrType, JsonSerializerOptions.Web) as IntegrationEvent
                ?? throw new PoisonMessageException($"The body of message type '{message.Type}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException($"The body is not a valid '{message.Type}': {ex.Message}", ex);
        }
    }
}
