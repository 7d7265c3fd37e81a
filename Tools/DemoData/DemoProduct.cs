namespace AspireMsa.DemoData;

/// <summary>One product of the demo store and the stock counted for it on first load.</summary>
public sealed record DemoProduct(string Sku, string Name, string Category, string Description, decimal Price, int Stock);
