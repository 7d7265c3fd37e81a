namespace AspireMsa.DeploymentTests;

/// <summary>The repository's own files, found from the test's output folder upwards, so tests read what is committed.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
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
}
