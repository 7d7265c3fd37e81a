using AspireMsa.Gateway.Downstream;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace AspireMsa.UnitTests;

/// <summary>A route of a capability the AppHost left out answers 503 problem details that say it is not deployed, not just "unavailable".</summary>
public class NotDeployedCapabilitiesTests
{
    [Fact]
    public void The503OfARouteWithoutACluster_NamesTheCapabilityThatIsNotDeployed()
    {
        var problem = Describe(StatusCodes.Status503ServiceUnavailable, cluster: null);

        Assert.Equal(NotDeployedCapabilities.Title, problem.Title);
        Assert.Contains("'/legacy/products' belongs to the 'legacy' capability", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The503OfADeployedServiceThatIsDown_StaysAnOutage()
    {
        var problem = Describe(StatusCodes.Status503ServiceUnavailable, cluster: new ClusterState("legacy-adapter"));

        Assert.Equal("Service Unavailable", problem.Title);
    }

    private static ProblemDetails Describe(int status, ClusterState? cluster)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/legacy/products";
        var route = new RouteModel(new RouteConfig { RouteId = "legacy", ClusterId = "legacy" }, cluster, HttpTransformer.Default);
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(route), "legacy"));
        var problem = new ProblemDetails { Status = status, Title = "Service Unavailable" };

        NotDeployedCapabilities.Describe(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        return problem;
    }
}
