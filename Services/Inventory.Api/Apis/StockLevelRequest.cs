using System.ComponentModel.DataAnnotations;
using AspireMsa.Inventory.Api.Model;

namespace AspireMsa.Inventory.Api.Apis;

/// <summary>The counted stock. Nullable so that a forgotten quantity answers 400 instead of silently emptying the shelf.</summary>
public sealed record StockLevelRequest(
    [property: Required, Range(0, StockRules.MaxOnHand)] int? Quantity);
