using AspireMsa.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class BadRequestProblemsExtensions
{
    /// <summary>
    /// Minimal APIs answer a binding failure with a bare 400 unless they throw it; thrown, it reaches
    /// <c>UseExceptionHandler</c>, where <see cref="BadRequestExceptionHandler"/> names the field and the reason.
    /// ASP.NET Core 10 writes no problem details of its own for these (dotnet/aspnetcore#64139).
    /// </summary>
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                BadRequestProblems.NameUnsupportedContentType(context);
            };
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
