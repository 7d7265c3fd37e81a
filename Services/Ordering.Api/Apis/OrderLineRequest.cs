using System.ComponentModel.DataAnnotations;
using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.Ordering.Api.Apis;

/// <summary>An empty <see cref="ProductId"/> is turned away by the handler: no data annotation rejects <see cref="Guid.Empty"/>.</summary>
public sealed record OrderLineRequest(
    Guid ProductId,
    [property: Range(1, OrderRules.MaxQuantity)] int Quantity);
