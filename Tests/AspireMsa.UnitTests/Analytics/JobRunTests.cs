using AspireMsa.Analytics.Api.Jobs;

namespace AspireMsa.UnitTests.Analytics;

/// <summary>What the run history says of a workflow run as its steps run, fail, retry and succeed.</summary>
public class JobRunTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AWorkflowRun_HasARowPerStep_FromTheStart()
    {
        var run = NewRun();

        Assert.Equal(JobRunState.Enqueued, run.State);
        Assert.Equal([("extract", JobRunState.Enqueued, 0), ("warehouse", JobRunState.Enqueued, 0)], run.Steps.Select(s => (s.Name, s.State, s.Attempts)));
    }

    [Fact]
    public void AStepThatFailsOnceAndSucceedsOnItsRetry_ShowsTwoAttempts_AndTheRunSucceedsWithItsLastStep()
    {
        var run = NewRun();
        run.StartStep("extract", Now);
        run.SucceedStep("extract", 12, TimeSpan.FromSeconds(1), Now);
        Assert.Equal(JobRunState.Running, run.State);

        run.StartStep("warehouse", Now);
        run.FailStep("warehouse", "disk full", willRetry: true, TimeSpan.FromSeconds(1), Now);
        Assert.Equal((JobRunState.Retrying, "warehouse: disk full"), (run.State, run.Error));
        Assert.Equal(JobRunState.Retrying, run.Steps[1].State);

        run.StartStep("warehouse", Now.AddSeconds(10));
        Assert.Equal((JobRunState.Running, (string?)null), (run.State, run.Error));
        run.SucceedStep("warehouse", 40, TimeSpan.FromSeconds(2), Now.AddSeconds(12));

        Assert.Equal((JobRunState.Succeeded, 2, Now, Now.AddSeconds(12)), (run.State, run.Attempts, run.StartedAt, run.FinishedAt));
        Assert.Equal([("extract", JobRunState.Succeeded, 1, 12L), ("warehouse", JobRunState.Succeeded, 2, 40L)], run.Steps.Select(s => (s.Name, s.State, s.Attempts, s.Rows)));
    }

    [Fact]
    public void AStepOutOfRetries_FailsTheRun()
    {
        var run = NewRun();
        run.StartStep("extract", Now);

        run.FailStep("extract", "no database", willRetry: false, TimeSpan.FromSeconds(1), Now);

        Assert.Equal((JobRunState.Failed, JobRunState.Failed), (run.State, run.Steps[0].State));
    }

    private static JobRun NewRun() => JobRun.EnqueueWorkflow("daily-sales", new DateOnly(2026, 12, 6), ["extract", "warehouse"], Now);
}
