using System.Text.Json.Serialization;

namespace AspireMsa.Gateway.Bff;

/// <summary>A product as the catalog describes it; unknown fields are ignored, so the catalog may add some freely.</summary>
/// <param name="Sku">The product's stable legacy SKU, as the catalog assigned it.</param>
/// <param name="Slug">Only from version 2 of the catalog API, and passed on only then: the caller sees the version it was routed to.</param>
public sealed record ProductView(
    Guid Id, string Name, string Description, decimal Price, string Category, long Version, string? Sku = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Slug = null);
