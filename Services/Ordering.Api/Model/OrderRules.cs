namespace AspireMsa.Ordering.Api.Model;

/// <summary>The limits an order's fields must respect, shared by the schema and the request validation.</summary>
public static class OrderRules
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 1000;
    public const int BuyerIdMaxLength = 256;
    public const int StatusMaxLength = 20;
    public const int ReasonMaxLength = 500;
    public const int IdempotencyKeyMaxLength = 100;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>The last page whose offset, (page - 1) × <see cref="MaxPageSize"/>, still fits the int that paging takes.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>Cuts a reason that came from elsewhere (another service's event) to what the history column holds.</summary>
    public static string Reason(string reason) =>
        reason.Length <= ReasonMaxLength ? reason : string.Concat(reason.AsSpan(0, ReasonMaxLength - 1), "…");
}
