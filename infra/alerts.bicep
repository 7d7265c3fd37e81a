// Azure Monitor's counterparts of AppHost/Monitoring/alert-rules.yml (one rule here per rule there, same name and
// severity; Tests/AspireMsa.DeploymentTests/AlertRulesTests.cs holds them together). Prometheus does not run in Azure,
// and the apps' metrics go to the environment's Aspire dashboard, so each rule reads what the environment sends to Log
// Analytics: the platform's system logs and the services' own log lines for the same events. docs/operations.md lists
// them.
@description('The location used for all deployed resources')
param location string = resourceGroup().location

@description('Tags that will be applied to all resources')
param tags object = {}

@description('The Log Analytics workspace the Container Apps environment writes its logs to')
param logAnalyticsWorkspaceId string

@description('Where alert e-mails go; empty: no action group, the alerts show in the portal only')
param alertEmailAddress string = ''

// critical is Sev1, warning Sev2, as Alertmanager routes them locally.
var severities = {
  critical: 1
  warning: 2
}

var consoleLogs = 'ContainerAppConsoleLogs_CL'

var rules = [
  {
    name: 'ServiceDown'
    severity: severities.critical
    description: 'A replica stopped or stopped answering its probes (Prometheus: up == 0).'
    query: 'ContainerAppSystemLogs_CL | where Reason_s in~ ("ProbeFailed", "ContainerTerminated", "ContainerCrashing", "ContainerBackOff") | summarize failures = count() by app = ContainerAppName_s'
  }
  {
    name: 'DependencyUnhealthy'
    severity: severities.critical
    description: 'A service reports a dependency (PostgreSQL, Redis, RabbitMQ) unhealthy (Prometheus: aspiremsa_health_check_status < 1).'
    query: '${consoleLogs} | where Log_s has "Health check" and Log_s has "Unhealthy" and Log_s !has "Health check self" | summarize failures = count() by app = ContainerAppName_s'
  }
  {
    name: 'HighServerErrorRatio'
    severity: severities.warning
    description: 'Requests fail with server errors (Prometheus: more than 5% 5xx). Logged unhandled exceptions and failed proxying per app.'
    query: '${consoleLogs} | where Log_s has_any ("An unhandled exception has occurred", "ForwardingError", "Proxying to") and Log_s has "fail" | summarize failures = count() by app = ContainerAppName_s | where failures > 5'
  }
  {
    name: 'DeadLettersPresent'
    severity: severities.warning
    description: 'A consumer gave up on a message and dead-lettered it (Prometheus: aspiremsa_eventbus_dead_letters > 0).'
    query: '${consoleLogs} | where Log_s has "moving it to the dead-letter queue" | summarize messages = count() by app = ContainerAppName_s'
  }
  {
    name: 'OutboxLagHigh'
    severity: severities.warning
    description: 'The outbox relay is not getting events to the broker (Prometheus: aspiremsa_eventbus_outbox_lag_seconds > 30).'
    query: '${consoleLogs} | where Log_s has_any ("The outbox relay failed", "outbox messages failed, retried") | summarize failures = count() by app = ContainerAppName_s'
  }
  {
    name: 'OutboxMessagesParked'
    severity: severities.warning
    description: 'The broker refused events EventBus:OutboxMaxAttempts times and they were parked (Prometheus: aspiremsa_eventbus_outbox_parked > 0).'
    query: '${consoleLogs} | where Log_s has "Parked outbox message" | summarize messages = count() by app = ContainerAppName_s'
  }
  {
    name: 'CanaryRolledBack'
    severity: severities.warning
    description: 'The gateway rolled a catalog canary back automatically (Prometheus: aspiremsa_gateway_canary_rollbacks_total increased).'
    query: '${consoleLogs} | where Log_s has "rolled back:" and Log_s has "Canary of" | summarize rollbacks = count() by app = ContainerAppName_s'
  }
  {
    name: 'JobRunFailed'
    severity: severities.warning
    description: 'An analytics job run failed after its retries (Prometheus: analytics_job_runs_total{outcome="Failed"} increased).'
    query: '${consoleLogs} | where Log_s has "failed for good" and Log_s has "Job run" | summarize failures = count() by app = ContainerAppName_s'
  }
]

var actionGroupName = 'ag-aspiremsa-${uniqueString(resourceGroup().id)}'

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmailAddress)) {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'aspiremsa'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for rule in rules: {
  name: rule.name
  location: location
  tags: tags
  dependsOn: [actionGroup]
  properties: {
    displayName: rule.name
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [logAnalyticsWorkspaceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          dimensions: [
            {
              name: 'app'
              operator: 'Include'
              values: ['*']
            }
          ]
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: empty(alertEmailAddress) ? [] : [resourceId('Microsoft.Insights/actionGroups', actionGroupName)]
    }
  }
}]

output ALERT_RULE_NAMES array = [for (rule, i) in rules: alertRules[i].name]
