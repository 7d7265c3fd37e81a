namespace AspireMsa.Catalog.Api.Model;

/// <summary>A product on the command side. <see cref="Version"/> grows by one on every change.</summary>
public sealed class Product
{
    public Guid Id { get; init; }

    /// <summary>The legacy stock-keeping unit (for example <c>SKU-000123</c>): set once at creation, never changed.</summary>
    public required string Sku { get; init; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public decimal Price { get; set; }

    public required string Category { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Update(string name, string description, decimal price, string category, DateTimeOffset now)
    {
        Name = name;
        Description = description;
        Price = price;
        Category = category;
        Version++;
        UpdatedAt = now;
    }
}
