using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AspireMsa.DeploymentTests;

/// <summary>Every environment alerts on what a local run alerts on: Azure Monitor has one rule per Prometheus rule.</summary>
public partial class AlertRulesTests
{
    [Fact]
    public void EveryPrometheusAlertRule_HasAnAzureMonitorRule_WithTheSameNameAndSeverity()
    {
        var prometheus = YamlDocument.Parse(RepositoryFiles.Read("AppHost/Monitoring/alert-rules.yml"))["groups"]!.AsArray()
            .SelectMany(group => group!["rules"]!.AsArray())
            .ToDictionary(rule => rule!["alert"]!.GetValue<string>(), rule => rule!["labels"]!["severity"]!.GetValue<string>());
        var azure = AzureRule().Matches(RepositoryFiles.Read("infra/alerts.bicep"))
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["severity"].Value);

        Assert.Equal(prometheus.OrderBy(rule => rule.Key, StringComparer.Ordinal), azure.OrderBy(rule => rule.Key, StringComparer.Ordinal));
    }

    /// <summary>
    /// promtool evaluates the rules over the synthetic series of <c>alert-rules.test.yml</c> (for example a job run that
    /// fails for good fires JobRunFailed, and its retries alone do not). eng/prerequisites.sh installs it.
    /// </summary>
    [Fact]
    public async Task TheAlertRules_FireOnTheirUnitTestSeries_AndOnlyThen()
    {
        var startInfo = new ProcessStartInfo("promtool")
        {
            WorkingDirectory = RepositoryFiles.PathOf("AppHost/Monitoring"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "test", "rules", "alert-rules.test.yml" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"promtool test rules:\n{await output}\n{errors}");
    }

    [Fact]
    public void TheAlertRules_AreProvisionedWithTheEnvironment()
    {
        Assert.Contains("module alerts 'alerts.bicep'", RepositoryFiles.Read("infra/main.bicep"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"name: '(?<name>[A-Za-z]+)'\s+severity: severities\.(?<severity>[a-z]+)")]
    private static partial Regex AzureRule();
}
