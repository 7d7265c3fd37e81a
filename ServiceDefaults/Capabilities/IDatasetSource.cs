namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>Describes some of a capability's datasets (its database tables, a lake, a warehouse).</summary>
public interface IDatasetSource
{
    Task<IReadOnlyList<Dataset>> DescribeAsync(string owner, CancellationToken cancellationToken);
}
