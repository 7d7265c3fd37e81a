namespace AspireMsa.Storefront.StoreApi;

public sealed record ProductDetails(Product Product, Availability Availability);
