using System.ComponentModel.DataAnnotations;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Analytics.Api.Jobs;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Apis;

public static class JobRunsApi
{
    public const string RoutePrefix = "/api/analytics/jobs";
    public const int MaxRunsListed = 100;

    /// <summary>A month of days at most: each day is a run, and each run of <c>daily-sales</c> rebuilds the warehouse.</summary>
    public const int MaxBackfillDays = 31;

    public static RouteGroupBuilder MapJobRunsApi(this IEndpointRouteBuilder app)
    {
        // Admins and analysts read the history; only admins start runs. Checked here again after the gateway (defense in depth).
        var api = app.MapGroup(RoutePrefix).WithTags("Jobs").RequireAuthorization(ApiPolicies.AnalyticsReader);

        api.MapPost("/{name}/runs", StartRun)
            .WithName("StartJobRun")
            .RequireAuthorization(ApiPolicies.AnalyticsAdmin)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{name}/backfill", Backfill)
            .WithName("BackfillJob")
            .RequireAuthorization(ApiPolicies.AnalyticsAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{name}/runs", ListRuns).WithName("ListJobRuns").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        // No :guid route constraint: a malformed id answers 400 naming it, not a 404 that says nothing.
        api.MapGet("/{name}/runs/{id}", GetRun).WithName("GetJobRun").ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>Answers 202: the run is enqueued; its <c>Location</c> shows it move to Succeeded or Failed.</summary>
    public static async Task<Results<Accepted<JobRunResponse>, ProblemHttpResult>> StartRun(
        string name,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StartRunRequest? request,
        JobRunStarter starter,
        TimeProvider clock,
        CancellationToken ct)
    {
        if (!JobRunStarter.JobNames.Contains(name))
        {
            return UnknownJob(name);
        }

        var day = request?.Day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var run = await starter.StartAsync(name, day, ct);
        return TypedResults.Accepted($"{RoutePrefix}/{name}/runs/{run.Id}", JobRunResponse.From(run));
    }

    /// <summary>
    /// One run per day of the range, each with its own history and retries; answers 202 with the runs, whose list the
    /// <c>Location</c> names. The range may not reach past today (UTC): a future day has no events to extract.
    /// </summary>
    public static async Task<Results<Accepted<BackfillResponse>, ValidationProblem, ProblemHttpResult>> Backfill(
        string name, BackfillRequest request, JobRunStarter starter, TimeProvider clock, CancellationToken ct)
    {
        if (!JobRunStarter.JobNames.Contains(name))
        {
            return UnknownJob(name);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var problems = DayRange.Problems(request.From, request.To, MaxBackfillDays, latest: today);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var runs = await starter.StartEachDayAsync(name, request.From, request.To, ct);
        return TypedResults.Accepted(
            $"{RoutePrefix}/{name}/runs?limit={Math.Min(runs.Count, MaxRunsListed)}",
            new BackfillResponse(name, request.From, request.To, [.. runs.Select(JobRunResponse.From)]));
    }

    /// <summary>Newest first.</summary>
    public static async Task<Results<Ok<List<JobRunResponse>>, ProblemHttpResult>> ListRuns(
        string name, AnalyticsDbContext db, CancellationToken ct, [Range(1, MaxRunsListed)] int limit = 20)
    {
        if (!JobRunStarter.JobNames.Contains(name))
        {
            return UnknownJob(name);
        }

        var runs = await db.JobRuns.AsNoTracking()
            .Where(r => r.JobName == name)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(limit)
            .AsSplitQuery()
            .ToListAsync(ct);
        return TypedResults.Ok(runs.Select(JobRunResponse.From).ToList());
    }

    public static async Task<Results<Ok<JobRunResponse>, ProblemHttpResult>> GetRun(
        string name, Guid id, AnalyticsDbContext db, CancellationToken ct)
    {
        if (!JobRunStarter.JobNames.Contains(name))
        {
            return UnknownJob(name);
        }

        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.JobName == name, ct);
        return run is null
            ? TypedResults.Problem(new ProblemDetails
            {
                Title = "Run not found",
                Detail = $"Job '{name}' has no run '{id}'.",
                Status = StatusCodes.Status404NotFound,
            })
            : TypedResults.Ok(JobRunResponse.From(run));
    }

    // Problem results are sent as application/problem+json; NotFound<ProblemDetails> would be plain JSON.
    private static ProblemHttpResult UnknownJob(string name) => TypedResults.Problem(new ProblemDetails
    {
        Title = "Job not found",
        Detail = $"There is no job '{name}'. Jobs: {string.Join(", ", JobRunStarter.JobNames)}.",
        Status = StatusCodes.Status404NotFound,
    });
}
