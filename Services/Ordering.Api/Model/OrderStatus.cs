namespace AspireMsa.Ordering.Api.Model;

public enum OrderStatus
{
    Pending,
    Confirmed,
    Cancelled,
}
