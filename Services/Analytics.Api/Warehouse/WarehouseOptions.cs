using System.ComponentModel.DataAnnotations;

namespace AspireMsa.Analytics.Api.Warehouse;

/// <summary>
/// Where the warehouse file lives, relative to the lake root, the key that pseudonymises buyers in it, and where product
/// names come from.
/// </summary>
public sealed class WarehouseOptions
{
    public const string SectionName = "Analytics:Warehouse";

    /// <summary>The current warehouse file; each build writes a new file beside it and renames it over this one.</summary>
    [Required]
    public string File { get; set; } = Path.Combine("warehouse", "sales.duckdb");

    /// <summary>
    /// The HMAC key of <c>dim_customer</c>'s customer keys: a secret, given by the AppHost (parameter
    /// <c>analytics-customer-key</c>), never in code. Without it no one can turn a customer key back into a buyer id.
    /// </summary>
    [Required]
    [MinLength(32)]
    public string CustomerKey { get; set; } = string.Empty;

    /// <summary>The gateway, by its discovery name, whose public catalog API names the products.</summary>
    [Required]
    public Uri Gateway { get; set; } = new("http://gateway");
}
