namespace AspireMsa.Ordering.Api.Model;

/// <summary>
/// An order and its lines. Its status changes only through <see cref="Confirm"/> and <see cref="Cancel"/>,
/// and every change is appended to <see cref="History"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _history = [];

    private Order(Guid id, string buyerId, OrderStatus status, DateTimeOffset createdAt)
    {
        Id = id;
        BuyerId = buyerId;
        Status = status;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string BuyerId { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<OrderStatusChange> History => _history;

    public static Order Place(string buyerId, IEnumerable<OrderLine> lines, DateTimeOffset now)
    {
        var order = new Order(Guid.CreateVersion7(now), buyerId, OrderStatus.Pending, now);
        order._lines.AddRange(lines);
        if (order._lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(lines));
        }

        order._history.Add(new OrderStatusChange(OrderStatus.Pending, now, "Order placed"));
        return order;
    }

    public void Confirm(string reason, DateTimeOffset now) => MoveTo(OrderStatus.Confirmed, reason, now);

    public void Cancel(string reason, DateTimeOffset now) => MoveTo(OrderStatus.Cancelled, reason, now);

    private void MoveTo(OrderStatus next, string reason, DateTimeOffset now)
    {
        // Only a pending order is still undecided: confirmed and cancelled are final.
        if (Status != OrderStatus.Pending)
        {
            throw new InvalidOperationException($"Order '{Id}' is {Status} and cannot become {next}.");
        }

        Status = next;
        _history.Add(new OrderStatusChange(next, now, reason));
    }
}
