using System.Text;
using System.Text.Json;

namespace AspireMsa.IntegrationTests;

/// <summary>A request the API cannot read is told which field is wrong and why, in problem details, never with a 500.</summary>
[Collection(SystemCollection.Name)]
public class BadInputProblemDetailsTests(SystemFixture system)
{
    [Fact]
    public async Task AMalformedJsonBody_AnswersProblemDetails_SayingWhereItBroke_WithoutAStackTrace()
    {
        var admin = await system.GatewayAsAsync("admin");
        using var body = new StringContent("{\"name\": \"hat\",\n \"price\": }", Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/catalog/products", body);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request body is not valid JSON", problem.GetProperty("title").GetString());
        Assert.Equal(1, problem.GetProperty("lineNumber").GetInt64());
        Assert.Equal("$.price", problem.GetProperty("jsonPath").GetString());
        Assert.Contains("line 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTypeInTheBody_NamesItsJsonPath_AndTheTypeItExpects()
    {
        var alice = await system.GatewayAsAsync("alice");
        using var body = new StringContent("""{"lines": [{"productId": "not-a-guid", "quantity": 1}]}""", Encoding.UTF8, "application/json");

        var response = await alice.PostAsync("/api/orders", body);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").GetProperty("$.lines[0].productId");
        Assert.Contains("Guid", errors[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AspireMsa", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/catalog/products/not-a-guid", "id")]
    [InlineData("/api/orders/not-a-guid", "id")]
    [InlineData("/api/inventory/not-a-guid", "productId")]
    public async Task AnIdThatIsNoGuid_AnswersProblemDetails_NamingTheParameterAndTheValue(string path, string parameter)
    {
        var response = await (await system.GatewayAsAsync("alice")).GetAsync(path);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").GetProperty(parameter)[0].GetString();
        Assert.Contains("'not-a-guid'", error, StringComparison.Ordinal);
        Assert.Contains("GUID", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/orders?page=2147483647&pageSize=100", "page")]
    [InlineData("/api/catalog/products?page=2147483647&pageSize=100", "page")]
    public async Task APageOutOfRange_AnswersProblemDetails_NamingTheParameterAndTheAllowedRange(string path, string parameter)
    {
        var response = await (await system.GatewayAsAsync("alice")).GetAsync(path);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        var error = Assert.Single(errors, e => e.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase));
        Assert.Matches(@"between 1 and \d+", error.Value[0].GetString());
    }

    [Fact]
    public async Task APageNumberThatIsNoNumber_AnswersProblemDetails_NamingTheParameter()
    {
        var response = await (await system.GatewayAsAsync("alice")).GetAsync("/api/orders?page=99999999999999999999");

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty("page").ValueKind);
    }
}
