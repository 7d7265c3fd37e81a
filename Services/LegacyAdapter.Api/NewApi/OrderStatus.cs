using System.Text.Json.Serialization;

namespace AspireMsa.LegacyAdapter.Api.NewApi;

/// <summary>The order states of the new order API, which sends them by name; a state it adds fails to read, and the legacy call with it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Pending,
    Confirmed,
    Cancelled,
}
