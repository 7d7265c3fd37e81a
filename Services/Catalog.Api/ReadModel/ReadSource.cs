namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>Where a read's answer came from: Redis alone, or PostgreSQL (a miss that was reloaded, or a fallback).</summary>
public enum ReadSource
{
    Redis,
    Database,
}
