namespace AspireMsa.IntegrationTests;

/// <summary>The recorded legacy XML payloads (<c>Fixtures/Legacy</c>), with a test's own order number and SKU put in.</summary>
public static class LegacyPayloads
{
    public static string Read(string name, string orderNo = "A-1", string sku = "SKU-000001") =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Legacy", name))
            .Replace("{OrderNo}", orderNo, StringComparison.Ordinal)
            .Replace("{Sku}", sku, StringComparison.Ordinal);

    /// <summary>A fresh legacy order number, so tests sharing the system never meet each other's orders.</summary>
    public static string NewOrderNo() => $"T-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
}
