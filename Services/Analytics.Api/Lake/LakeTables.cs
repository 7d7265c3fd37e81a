using AspireMsa.Analytics.Api.Lake.Rows;
using AspireMsa.Contracts;

namespace AspireMsa.Analytics.Api.Lake;

/// <summary>Every event type the service lands, each with its lake table: the one list both the consumers and the extract follow.</summary>
public static class LakeTables
{
    public static readonly IReadOnlyList<LakeTable> All =
    [
        LakeTable.For<OrderPlaced, OrderPlacedRow>(OrderPlacedRow.From),
        LakeTable.For<OrderCancelled, OrderCancelledRow>(OrderCancelledRow.From),
        LakeTable.For<OrderStatusChanged, OrderStatusChangedRow>(OrderStatusChangedRow.From),
        LakeTable.For<StockReserved, StockReservedRow>(StockReservedRow.From),
        LakeTable.For<StockRejected, StockRejectedRow>(StockRejectedRow.From),
        LakeTable.For<ProductPriceChanged, ProductPriceChangedRow>(ProductPriceChangedRow.From),
        LakeTable.For<ProductCreated, ProductCreatedRow>(ProductCreatedRow.From),
        LakeTable.For<ProductUpdated, ProductUpdatedRow>(ProductUpdatedRow.From),
        LakeTable.For<ProductDeleted, ProductDeletedRow>(ProductDeletedRow.From),
    ];
}
