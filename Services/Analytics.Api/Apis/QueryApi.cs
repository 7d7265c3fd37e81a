using System.Diagnostics;
using System.Security.Claims;
using AspireMsa.Analytics.Api.Infrastructure;
using AspireMsa.Analytics.Api.Jobs;
using AspireMsa.Analytics.Api.Marts;
using AspireMsa.Analytics.Api.Query;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AspireMsa.Analytics.Api.Apis;

public static class QueryApi
{
    public const string Route = "/api/analytics/query";

    public static RouteHandlerBuilder MapQueryApi(this IEndpointRouteBuilder app) =>
        // Analysts, category managers and admins, each within their grant; checked here again after the gateway (defense in depth).
        app.MapPost(Route, Query)
            .WithTags("Query")
            .WithName("RunQuery")
            .RequireAuthorization(ApiPolicies.AnalyticsQuery)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// Runs one read-only SELECT against the caller's mart (<see cref="QuerySandbox"/>) and audits it, whatever the outcome.
    /// Refused, failed and timed-out queries answer 400 problem details saying why; no grant 403; no mart yet 503.
    /// </summary>
    public static async Task<Results<Ok<QueryResponse>, ProblemHttpResult>> Query(
        QueryRequest request, ClaimsPrincipal user, AnalyticsDbContext db, MartFiles marts, QuerySandbox sandbox, TimeProvider clock, CancellationToken ct)
    {
        var askedAt = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var (grant, noGrant) = await CallerGrant.ResolveAsync(user, db, ct);
        var result = grant is null
            ? SandboxResult.Not(QueryOutcome.NoGrant, noGrant!)
            : await sandbox.RunAsync(grant.MartPath(marts), request.Sql, ct);

        db.QueryAudits.Add(new QueryAudit(
            askedAt,
            user.FindFirstValue("sub") ?? string.Empty,
            user.Identity?.Name ?? string.Empty,
            grant?.Role,
            grant?.ClaimValue,
            request.Sql,
            result.Outcome,
            result.Response?.Rows.Count ?? 0,
            watch.Elapsed,
            result.Reason));
        await db.SaveChangesAsync(CancellationToken.None);

        return result switch
        {
            { Response: { } response } => TypedResults.Ok(response),
            { Outcome: QueryOutcome.NoGrant } => Problem(StatusCodes.Status403Forbidden, "No grant to query within", result.Reason),
            { Outcome: QueryOutcome.NoMart } when grant is not null => Problem(StatusCodes.Status503ServiceUnavailable, "No mart yet",
                $"No mart has been built for your grant ({grant.Role}{(grant.Claim is null ? "" : $", {grant.Claim} {grant.ClaimValue}")}) yet: "
                + $"the '{DailySalesWorkflow.Name}' job builds the marts after each warehouse build, one per value that has rows."),
            { Outcome: QueryOutcome.Refused } => Problem(StatusCodes.Status400BadRequest, "Query refused", result.Reason),
            { Outcome: QueryOutcome.TimedOut } => Problem(StatusCodes.Status400BadRequest, "Query timed out", result.Reason),
            _ => Problem(StatusCodes.Status400BadRequest, "Query failed", result.Reason),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
