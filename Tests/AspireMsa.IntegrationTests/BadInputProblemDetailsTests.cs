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

    [Theory]
    [InlineData("POST", "/api/catalog/products", "admin")]
    [InlineData("POST", "/api/orders", "alice")]
    [InlineData("PUT", "/api/inventory/6f1d3f9e-0000-4000-8000-000000000001", "admin")]
    public async Task AMalformedJsonBody_InEveryService_NamesTheLineAndByteWhereItBroke(string method, string path, string user)
    {
        var client = await system.GatewayAsAsync(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("{\n  \"a\": [1,\n  }", Encoding.UTF8, "application/json"),
        };

        var problem = await Problems.AssertAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal("The request body is not valid JSON", problem.GetProperty("title").GetString());
        Assert.Matches(@"^At '\$[^']*' \(line 3, byte 3\): .+", problem.GetProperty("detail").GetString());
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task ABodyThatIsNotJson_AnswersUnsupportedMediaType_NamingTheContentType()
    {
        var alice = await system.GatewayAsAsync("alice");
        using var body = new StringContent("lines=1", Encoding.UTF8, "text/plain");

        var response = await alice.PostAsync("/api/orders", body);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("text/plain", problem.GetProperty("errors").GetProperty("Content-Type")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongScalarTypeInTheBody_NamesItsJsonPath_AndWhatIsWrong()
    {
        var alice = await system.GatewayAsAsync("alice");
        using var body = new StringContent($$"""{"lines": [{"productId": "{{Guid.NewGuid()}}", "quantity": "three"}]}""", Encoding.UTF8, "application/json");

        var response = await alice.PostAsync("/api/orders", body);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("A value in the request body has the wrong type", problem.GetProperty("title").GetString());
        Assert.Equal("The value must be a whole number within the range of Int32.", problem.GetProperty("errors").GetProperty("$.lines[0].quantity")[0].GetString());
    }

    [Fact]
    public async Task AnIdThatIsNoGuid_InARouteWithMoreSegments_AnswersProblemDetails_NamingIt()
    {
        var response = await (await system.GatewayAsAsync("alice")).PostAsync("/api/orders/not-a-guid/cancel", null);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'not-a-guid' is not a GUID", problem.GetProperty("errors").GetProperty("id")[0].GetString(), StringComparison.Ordinal);
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
    [InlineData("/bff/products/not-a-guid", "id")]
    [InlineData("/bff/orders/not-a-guid", "id")]
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
