namespace AspireMsa.IntegrationTests;

public sealed record PageDto(List<ProductDto> Items, int Page, int PageSize, long TotalCount);
