namespace AspireMsa.Gateway.Bff;

/// <summary>A product page in one call: the catalog's product and the inventory's availability.</summary>
public sealed record ProductDetailsResponse(ProductView Product, AvailabilityView Availability);
