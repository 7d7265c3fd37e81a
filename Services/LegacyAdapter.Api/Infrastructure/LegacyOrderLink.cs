namespace AspireMsa.LegacyAdapter.Api.Infrastructure;

/// <summary>
/// One legacy order number and the new order it placed: how a legacy status query finds its order, and how a repeated
/// legacy order is answered with the first one. <see cref="Fingerprint"/> tells a repeat from a reuse of the number.
/// </summary>
public sealed class LegacyOrderLink(string legacyOrderNo, Guid orderId, string fingerprint, DateTimeOffset createdAt)
{
    public const int FingerprintLength = 64;

    public string LegacyOrderNo { get; private set; } = legacyOrderNo;

    public Guid OrderId { get; private set; } = orderId;

    public string Fingerprint { get; private set; } = fingerprint;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
