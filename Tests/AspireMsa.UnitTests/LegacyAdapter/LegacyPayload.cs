using System.Text;

namespace AspireMsa.UnitTests.LegacyAdapter;

/// <summary>The legacy XML payloads recorded beside the integration tests (linked into <c>Fixtures/Legacy</c>), as bytes on the wire.</summary>
public static class LegacyPayload
{
    public const string OrderNo = "a-10001";
    public const string Sku = "sku-000123";

    public static byte[] Read(string name) => Encoding.UTF8.GetBytes(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Legacy", name))
            .Replace("{OrderNo}", OrderNo, StringComparison.Ordinal)
            .Replace("{Sku}", Sku, StringComparison.Ordinal));
}
