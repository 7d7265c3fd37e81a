namespace AspireMsa.IntegrationTests;

/// <summary>The repository the tests run from: the folder of <c>AspireMsa.sln</c> above the test's output.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository's folder, or the test's output folder where no solution is above it (a copied test build).</summary>
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "AspireMsa.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? AppContext.BaseDirectory;
        }
    }
}
