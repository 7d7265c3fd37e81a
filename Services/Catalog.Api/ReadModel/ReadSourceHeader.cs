namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>Tells the caller of every catalog read whether Redis answered or PostgreSQL had to.</summary>
public static class ReadSourceHeader
{
    public const string Name = "X-Read-Source";
    public const string Redis = "redis";
    public const string Database = "database";

    public static void Write(HttpResponse response, ReadSource source)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[Name] = source == ReadSource.Redis ? Redis : Database;
    }
}
