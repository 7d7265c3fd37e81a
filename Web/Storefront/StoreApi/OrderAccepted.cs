namespace AspireMsa.Storefront.StoreApi;

public sealed record OrderAccepted(Guid Id, string Status);
