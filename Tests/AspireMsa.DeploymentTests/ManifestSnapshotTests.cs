namespace AspireMsa.DeploymentTests;

/// <summary>
/// What azd deploys changes only on purpose: the published manifest must equal the committed, reviewed snapshot.
/// To approve a change: <c>UPDATE_SNAPSHOTS=1 dotnet test Tests/AspireMsa.DeploymentTests --filter ManifestSnapshotTests</c>,
/// then review and commit <c>infra/aspire-manifest.snapshot.json</c> with the templates it needs.
/// </summary>
public class ManifestSnapshotTests
{
    [Fact]
    public async Task ThePublishedManifest_EqualsTheApprovedSnapshot()
    {
        var published = AspireManifest.ToText(await AspireManifest.PublishAsync());
        var snapshotPath = RepositoryFiles.PathOf(AspireManifest.SnapshotPath);

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(snapshotPath, published);
        }

        var approved = File.Exists(snapshotPath) ? (await File.ReadAllTextAsync(snapshotPath)).ReplaceLineEndings("\n") : "";
        Assert.True(approved == published,
            $"The published manifest differs from {AspireManifest.SnapshotPath}:\n{FirstDifference(approved, published)}\n" +
            "If the change is intended, approve it: UPDATE_SNAPSHOTS=1 dotnet test Tests/AspireMsa.DeploymentTests " +
            "--filter ManifestSnapshotTests, then update AppHost/infra/*.tmpl.yaml to match and commit both.");
    }

    private static string FirstDifference(string approved, string published)
    {
        var approvedLines = approved.Split('\n');
        var publishedLines = published.Split('\n');
        for (var line = 0; line < Math.Max(approvedLines.Length, publishedLines.Length); line++)
        {
            var before = line < approvedLines.Length ? approvedLines[line] : "(end of file)";
            var after = line < publishedLines.Length ? publishedLines[line] : "(end of file)";
            if (before != after)
            {
                return $"line {line + 1}:\n  approved:  {before.Trim()}\n  published: {after.Trim()}";
            }
        }

        return "(no line differs)";
    }
}
