using AspireMsa.Analytics.Api.Jobs;
using AspireMsa.Analytics.Api.Warehouse;
using AspireMsa.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AspireMsa.Analytics.Api.Apis;

/// <summary>Reports read from the warehouse, never from the lake or the service's database.</summary>
public static class ReportsApi
{
    public const string RoutePrefix = "/api/analytics/reports";

    /// <summary>A little over a year: a daily report longer than that is a job for the lake, not an API call.</summary>
    public const int MaxReportDays = 366;

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        // Analysts and admins; checked here again after the gateway (defense in depth).
        var api = app.MapGroup(RoutePrefix).WithTags("Reports").RequireAuthorization(ApiPolicies.AnalyticsReader);
        api.MapGet("/sales-daily", SalesDaily)
            .WithName("GetSalesDaily")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    /// <summary>
    /// Orders, units and revenue per UTC day from <paramref name="from"/> to <paramref name="to"/> (both included), as of the
    /// last warehouse build; days without orders are left out. 503 until <c>daily-sales</c> has built a warehouse.
    /// </summary>
    public static async Task<Results<Ok<SalesDailyReport>, ValidationProblem, ProblemHttpResult>> SalesDaily(
        DateOnly from, DateOnly to, SalesDailyQuery query, CancellationToken ct)
    {
        var problems = DayRange.Problems(from, to, MaxReportDays);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var report = await query.RunAsync(from, to, ct);
        return report is null
            ? TypedResults.Problem(new ProblemDetails
            {
                Title = "No warehouse yet",
                Detail = $"No warehouse has been built yet: run the '{DailySalesWorkflow.Name}' job (POST {JobRunsApi.RoutePrefix}/{DailySalesWorkflow.Name}/runs).",
                Status = StatusCodes.Status503ServiceUnavailable,
            })
            : TypedResults.Ok(report);
    }
}
