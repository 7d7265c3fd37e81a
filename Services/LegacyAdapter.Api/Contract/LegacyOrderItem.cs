namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>One <c>&lt;Item sku="" qty=""/&gt;</c> of a legacy order, its SKU in the catalog's upper-case form.</summary>
public sealed record LegacyOrderItem(string Sku, int Quantity);
