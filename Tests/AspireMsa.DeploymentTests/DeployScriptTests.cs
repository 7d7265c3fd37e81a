using System.Diagnostics;

namespace AspireMsa.DeploymentTests;

/// <summary>
/// eng/deploy/rollback.sh and canary.sh with --dry-run against a fake az (Fixtures/fake-az) that answers revision lists
/// from Fixtures/revisions and fails any change: the scripts' own logic decides, and the test reads what they would run.
/// </summary>
public class DeployScriptTests
{
    private const string Group = "--resource-group rg-test";

    [Fact]
    public async Task RollingBackTheGateway_MovesAllTrafficToTheNewestHealthyOlderRevision()
    {
        var run = await RunAsync("rollback.sh", "gateway", "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        // r3 serves and is unhealthy; r2 is the newest healthy one before it (r1 is older).
        Assert.Equal(
            [$"would run: az containerapp ingress traffic set --name gateway {Group} --revision-weight gateway--r2=100 gateway--r3=0"],
            run.Commands);
    }

    [Fact]
    public async Task RollingBack_SkipsAnUnhealthyRevision_AndActivatesTheOneItGoesBackTo()
    {
        var run = await RunAsync("rollback.sh", "catalog-v1", "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                $"would run: az containerapp revision activate --name catalog-v1 {Group} --revision catalog-v1--r1",
                $"would run: az containerapp ingress traffic set --name catalog-v1 {Group} --revision-weight catalog-v1--r1=100 catalog-v1--r3=0",
            ],
            run.Commands);
    }

    [Fact]
    public async Task RollingBackASingleRevisionApp_SwitchesItToMultipleRevisions_AndSkipsAFailedRevision()
    {
        var run = await RunAsync("rollback.sh", "identity", "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                $"would run: az containerapp revision set-mode --name identity {Group} --mode multiple",
                $"would run: az containerapp revision activate --name identity {Group} --revision identity--r2",
                $"would run: az containerapp ingress traffic set --name identity {Group} --revision-weight identity--r2=100 identity--r3=0",
            ],
            run.Commands);
    }

    [Fact]
    public async Task RollingBackEverything_RollsBackEachAppOfTheEnvironment_InNameOrder()
    {
        var run = await RunAsync("rollback.sh", "--all", "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["catalog-v1--r1=100", "gateway--r2=100", "identity--r2=100"],
            run.Commands.Where(command => command.Contains("traffic set", StringComparison.Ordinal))
                .Select(command => command.Split("--revision-weight ")[1].Split(' ')[0]));
        Assert.Equal(3, run.Output.Count(line => line.StartsWith("would verify:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RollingBackAnAppWithNoEarlierRevision_FailsAndChangesNothing()
    {
        var run = await RunAsync("rollback.sh", "ordering", "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Commands);
        Assert.Contains("no healthy revision before ordering--r1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACanaryOfTenPercent_SendsTenToTheNewestRevision_AndNinetyToThePreviousOne()
    {
        var run = await RunAsync("canary.sh", "gateway", "10", "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [$"would run: az containerapp ingress traffic set --name gateway {Group} --revision-weight gateway--r3=10 gateway--r2=90"],
            run.Commands);
    }

    [Fact]
    public async Task ACanaryOfASingleRevisionApp_IsRefused()
    {
        var run = await RunAsync("canary.sh", "identity", "10", "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Commands);
        Assert.Contains("single-revision mode", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-5")]
    [InlineData("ten")]
    public async Task ACanaryWeightOutsideZeroToHundred_IsRefused(string weight)
    {
        var run = await RunAsync("canary.sh", "gateway", weight, "--resource-group", "rg-test", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Commands);
    }

    private static async Task<ScriptRun> RunAsync(string script, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(RepositoryFiles.PathOf($"eng/deploy/{script}"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var fixtures = RepositoryFiles.PathOf("Tests/AspireMsa.DeploymentTests/Fixtures");
        startInfo.Environment["PATH"] = $"{Path.Combine(fixtures, "fake-az")}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        startInfo.Environment["FAKE_AZ_FIXTURES"] = Path.Combine(fixtures, "revisions");
        startInfo.Environment.Remove("AZURE_RESOURCE_GROUP");
        startInfo.Environment.Remove("AZURE_ENV_NAME");

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new ScriptRun(process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await error);
    }

    private sealed record ScriptRun(int ExitCode, string[] Output, string Error)
    {
        public IEnumerable<string> Commands => Output.Where(line => line.StartsWith("would run:", StringComparison.Ordinal));
    }
}
