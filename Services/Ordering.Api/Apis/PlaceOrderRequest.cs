using System.ComponentModel.DataAnnotations;
using AspireMsa.Ordering.Api.Model;

namespace AspireMsa.Ordering.Api.Apis;

/// <summary>The body of a new order. Non-empty and distinct product ids are checked by the handler.</summary>
public sealed record PlaceOrderRequest(
    [property: Required, MinLength(1), MaxLength(OrderRules.MaxLines)] IReadOnlyList<OrderLineRequest> Lines);
