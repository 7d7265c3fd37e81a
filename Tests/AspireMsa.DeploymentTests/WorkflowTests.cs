using System.Text.Json.Nodes;

namespace AspireMsa.DeploymentTests;

/// <summary>The GitHub workflows do what docs/operations.md says: one CI script, gated OIDC deploys, an emergency path that records why.</summary>
public class WorkflowTests
{
    private static JsonNode Workflow(string name) => YamlDocument.Parse(RepositoryFiles.Read($".github/workflows/{name}.yml"));

    private static IEnumerable<string> Runs(JsonNode job) =>
        job["steps"]!.AsArray().Select(step => step!["run"]?.GetValue<string>()).OfType<string>();

    [Fact]
    public void Ci_RunsTheSameScriptAsALocalCi_WithPackageAndBuildCaches()
    {
        var job = Workflow("ci")["jobs"]!["build-and-test"]!;
        var cachedPaths = job["steps"]!.AsArray()
            .Where(step => step!["uses"]?.GetValue<string>().StartsWith("actions/cache@", StringComparison.Ordinal) == true)
            .Select(step => step!["with"]!["path"]!.GetValue<string>())
            .ToList();

        Assert.Contains("bash .ci/run", Runs(job));
        Assert.Contains(cachedPaths, path => path.Contains("~/.nuget/packages", StringComparison.Ordinal));
        Assert.Contains(cachedPaths, path => path.Contains("**/obj", StringComparison.Ordinal) && path.Contains("**/bin", StringComparison.Ordinal));
    }

    [Fact]
    public void Deploy_RunsAfterCiPassesOnMain_OrByHand_ThroughAReviewedEnvironment_WithOidc()
    {
        var workflow = Workflow("deploy");
        var trigger = workflow["on"]!;
        var job = workflow["jobs"]!["deploy"]!;
        var runs = Runs(job).ToList();

        Assert.Equal("ci", trigger["workflow_run"]!["workflows"]![0]!.GetValue<string>());
        Assert.Equal("completed", trigger["workflow_run"]!["types"]![0]!.GetValue<string>());
        Assert.Equal("main", trigger["workflow_run"]!["branches"]![0]!.GetValue<string>());
        Assert.True(trigger.AsObject().ContainsKey("workflow_dispatch"));
        Assert.Contains("conclusion == 'success'", job["if"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("write", workflow["permissions"]!["id-token"]!.GetValue<string>());
        Assert.Equal("read", workflow["permissions"]!["contents"]!.GetValue<string>());
        Assert.Equal("production", job["environment"]!.GetValue<string>());
        Assert.Contains(runs, run => run.Contains("azd auth login", StringComparison.Ordinal) && run.Contains("--federated-credential-provider github", StringComparison.Ordinal));
        Assert.True(runs.FindIndex(run => run.StartsWith("azd provision", StringComparison.Ordinal))
            < runs.FindIndex(run => run.StartsWith("azd deploy", StringComparison.Ordinal)));
    }

    [Fact]
    public void EmergencyDeploy_NeedsAReason_RunsPreChecksAndUnitTests_SkipsTheIntegrationSuites_AndRecordsWhy()
    {
        var workflow = Workflow("emergency-deploy");
        var inputs = workflow["on"]!["workflow_dispatch"]!["inputs"]!;
        var checks = string.Join("\n", Runs(workflow["jobs"]!["checks"]!));

        Assert.Equal("true", inputs["reason"]!["required"]!.GetValue<string>());
        Assert.Equal("true", inputs["emergency"]!["required"]!.GetValue<string>());
        Assert.Contains("$REASON", checks, StringComparison.Ordinal);
        Assert.Contains("$GITHUB_STEP_SUMMARY", checks, StringComparison.Ordinal);
        Assert.Contains("bash eng/prechecks.sh", checks, StringComparison.Ordinal);
        Assert.Contains("Tests/AspireMsa.UnitTests", checks, StringComparison.Ordinal);
        Assert.DoesNotContain("IntegrationTests --", checks, StringComparison.Ordinal);
        Assert.DoesNotContain(".ci/run", checks, StringComparison.Ordinal);
        Assert.Equal("production", workflow["jobs"]!["deploy"]!["environment"]!.GetValue<string>());
    }

    [Fact]
    public void Rollback_CallsTheRollbackScript_WithTheAppAsked()
    {
        var workflow = Workflow("rollback");

        Assert.Equal("true", workflow["on"]!["workflow_dispatch"]!["inputs"]!["app"]!["required"]!.GetValue<string>());
        Assert.Contains(Runs(workflow["jobs"]!["rollback"]!), run => run.Contains("eng/deploy/rollback.sh \"$APP\"", StringComparison.Ordinal));
    }
}
