namespace AspireMsa.Ordering.Api.Model;

/// <summary>
/// An order and its lines. Its status changes only through <see cref="Confirm"/> and <see cref="Cancel"/>,
/// and every change, or decision about a final order, is appended to <see cref="History"/>.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _history = [];

    private Order(Guid id, string buyerId, OrderStatus status, DateTimeOffset createdAt, string? idempotencyKey)
    {
        Id = id;
        BuyerId = buyerId;
        Status = status;
        CreatedAt = createdAt;
        IdempotencyKey = idempotencyKey;
    }

    public Guid Id { get; private set; }

    public string BuyerId { get; private set; }

    public OrderStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c>: unique per buyer, so a retried request finds this order instead of placing another.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>Grows with every change; a stock reply and the saga timeout racing on one order cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public IReadOnlyList<OrderStatusChange> History => _history;

    public static Order Place(string buyerId, IEnumerable<OrderLine> lines, DateTimeOffset now, string? idempotencyKey = null)
    {
        var order = new Order(Guid.CreateVersion7(now), buyerId, OrderStatus.Pending, now, idempotencyKey);
        order._lines.AddRange(lines);
        if (order._lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(lines));
        }

        order._history.Add(new OrderStatusChange(OrderStatus.Pending, now, "Order placed"));
        return order;
    }

    /// <summary>Whether a repeated request asks for exactly this order (line order does not matter).</summary>
    public bool HasLines(IEnumerable<OrderLine> lines) =>
        _lines.Select(l => (l.ProductId, l.Quantity)).ToHashSet().SetEquals(lines.Select(l => (l.ProductId, l.Quantity)));

    public void Confirm(string reason, DateTimeOffset now) => MoveTo(OrderStatus.Confirmed, reason, now);

    public void Cancel(string reason, DateTimeOffset now) => MoveTo(OrderStatus.Cancelled, reason, now);

    /// <summary>Records that stock reserved after the cancellation is being released (the saga's compensation).</summary>
    public void RecordStockRelease(string reason, DateTimeOffset now)
    {
        if (Status != OrderStatus.Cancelled)
        {
            throw new InvalidOperationException($"Order '{Id}' is {Status}; only a cancelled order releases its stock.");
        }

        Version++;
        _history.Add(new OrderStatusChange(Status, now, reason));
    }

    /// <summary>
    /// Shows the catalog's new price on the product's line while the order is pending; a decided order keeps the prices it
    /// showed. Returns whether a line changed (an announcement older than the price shown changes nothing).
    /// </summary>
    public bool ShowCurrentPrice(Guid productId, decimal unitPrice, long productVersion)
    {
        if (Status != OrderStatus.Pending)
        {
            return false;
        }

        var changed = false;
        foreach (var line in _lines.Where(l => l.ProductId == productId))
        {
            changed |= line.TryShowCurrentPrice(unitPrice, productVersion);
        }

        // A concurrency change like any other: a price arriving while a stock reply decides the order cannot both win.
        if (changed)
        {
            Version++;
        }

        return changed;
    }

    private void MoveTo(OrderStatus next, string reason, DateTimeOffset now)
    {
        // Only a pending order is still undecided: confirmed and cancelled are final.
        if (Status != OrderStatus.Pending)
        {
            throw new InvalidOperationException($"Order '{Id}' is {Status} and cannot become {next}.");
        }

        Status = next;
        Version++;
        _history.Add(new OrderStatusChange(next, now, reason));
    }
}
