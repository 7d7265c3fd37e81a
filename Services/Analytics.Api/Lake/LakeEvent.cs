namespace AspireMsa.Analytics.Api.Lake;

/// <summary>A landed event as the lake writer reads it: its envelope and its JSON.</summary>
public sealed record LakeEvent(Guid EventId, DateTimeOffset OccurredAt, DateTimeOffset LandedAt, string Payload);
