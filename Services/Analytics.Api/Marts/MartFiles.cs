using AspireMsa.Analytics.Api.Warehouse;

namespace AspireMsa.Analytics.Api.Marts;

/// <summary>
/// Where each grant's mart lives: beside the warehouse, in <c>marts/</c>, one file per role
/// (<c>marts/analyst.duckdb</c>), or, for a role whose rows are filtered by a claim, one per value of it
/// (<c>marts/category-manager/category=Kitchen.duckdb</c>, the value escaped as in a URI, so it never leaves the folder).
/// </summary>
public sealed class MartFiles(WarehouseFile warehouse)
{
    public const string Extension = ".duckdb";

    public string Root { get; } = Path.Combine(Path.GetDirectoryName(warehouse.Current)!, "marts");

    public string PathOf(string role, string? claim, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        var path = claim is null || value is null
            ? Path.Combine(Root, role + Extension)
            : Path.Combine(Root, role, $"{Uri.EscapeDataString(claim)}={Uri.EscapeDataString(value)}{Extension}");
        var full = Path.GetFullPath(path);
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"The mart of role '{role}' would lie outside {Root}.", nameof(role));
    }

    /// <summary>Deletes the marts not in <paramref name="current"/> (a role or category no longer granted), never a build's dot file.</summary>
    public void DeleteAllBut(IReadOnlySet<string> current)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Root, "*" + Extension, SearchOption.AllDirectories))
        {
            if (!current.Contains(file) && !Path.GetFileName(file).StartsWith('.'))
            {
                File.Delete(file);
            }
        }
    }
}
