using System.Text.RegularExpressions;

namespace AspireMsa.UnitTests;

/// <summary>
/// The docs index and the patterns page point readers at files and types; a rename or a move must not leave them
/// pointing at nothing. Every backticked repository path must exist, and every type in a patterns table row must be
/// declared in the file that row names.
/// </summary>
public partial class DocsReferencesTests
{
    private static readonly string[] IndexedDocuments = ["docs/README.md", "docs/patterns.md"];

    [Fact]
    public void EveryFileTheDocsIndexAndPatternsPageName_Exists()
    {
        var root = RepositoryRoot();
        var broken = IndexedDocuments
            .SelectMany(document => RepositoryPaths(File.ReadAllText(Path.Combine(root, document))).Select(path => (document, path)))
            .Where(reference => !File.Exists(Path.Combine(root, reference.path)))
            .Select(reference => $"{reference.document}: `{reference.path}` does not exist")
            .Distinct()
            .ToList();

        Assert.True(broken.Count == 0, $"Broken file references:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void EveryTypeThePatternsPageNames_IsDeclaredInTheFileItNames()
    {
        var root = RepositoryRoot();
        var rows = PatternRows(File.ReadAllText(Path.Combine(root, "docs", "patterns.md"))).ToList();
        Assert.NotEmpty(rows);

        var broken = rows
            .Where(row => !File.Exists(Path.Combine(root, row.Path))
                || !Regex.IsMatch(File.ReadAllText(Path.Combine(root, row.Path)), $@"\b(class|record|interface|struct)\s+{Regex.Escape(row.Type)}\b"))
            .Select(row => $"docs/patterns.md: `{row.Type}` is not declared in `{row.Path}`")
            .ToList();

        Assert.True(broken.Count == 0, $"Broken type references:\n{string.Join('\n', broken)}");
    }

    /// <summary>Backticked tokens that look like a file in the repository: relative, with a folder, and a known extension.</summary>
    private static IEnumerable<string> RepositoryPaths(string markdown) =>
        BacktickedPath().Matches(markdown).Select(match => match.Groups["path"].Value);

    /// <summary>Rows of the patterns tables: <c>| `file` | `Type` or `Type&lt;T&gt;` | role |</c>.</summary>
    private static IEnumerable<(string Path, string Type)> PatternRows(string markdown) =>
        PatternRow().Matches(markdown).Select(match => (match.Groups["path"].Value, match.Groups["type"].Value));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AspireMsa.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AspireMsa.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"`(?<path>[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)+\.(?:cs|md|json|yml|yaml|sh|csproj|bicep))`")]
    private static partial Regex BacktickedPath();

    [GeneratedRegex(@"^\|\s*`(?<path>[^`]+)`\s*\|\s*`(?<type>[A-Za-z_][A-Za-z0-9_]*)(?:<[^`]*>)?`\s*\|", RegexOptions.Multiline)]
    private static partial Regex PatternRow();
}
