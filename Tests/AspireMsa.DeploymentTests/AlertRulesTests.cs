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

    [Fact]
    public void TheAlertRules_AreProvisionedWithTheEnvironment()
    {
        Assert.Contains("module alerts 'alerts.bicep'", RepositoryFiles.Read("infra/main.bicep"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"name: '(?<name>[A-Za-z]+)'\s+severity: severities\.(?<severity>[a-z]+)")]
    private static partial Regex AzureRule();
}
