using System.Text.Json;
using AspireMsa.ServiceDefaults.FaultInjection;
using AspireMsa.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace AspireMsa.UnitTests;

public class BadRequestProblemsTests
{
    private sealed record Line(Guid ProductId, int Quantity);

    private sealed record Order(string Name, decimal Price, IReadOnlyList<Line> Lines, bool Express);

    [Fact]
    public void MalformedJson_SaysItIsNotJson_AndWhereItBroke()
    {
        var problem = FromBody("""{"name": "hat",}""");

        Assert.Equal(400, problem.Status);
        Assert.Equal(BadRequestProblems.InvalidJsonTitle, problem.Title);
        Assert.Equal(0L, problem.Extensions["lineNumber"]);
        Assert.Equal(15L, problem.Extensions["bytePositionInLine"]);
        Assert.Contains("line 1, byte 16", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine:", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongType_NamesTheJsonPath_AndTheExpectedType_WithoutInternalTypeNames()
    {
        var problem = FromBody("""{"name": "hat", "price": "cheap"}""");

        Assert.Equal(BadRequestProblems.WrongTypeTitle, problem.Title);
        Assert.Equal("$.price", problem.Extensions["jsonPath"]);
        var error = Assert.Single(problem.Errors["$.price"]);
        Assert.Contains("Decimal", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("AspireMsa", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"lines": [{"productId": "not-a-guid"}]}""", "$.lines[0].productId", "Guid")]
    [InlineData("""{"lines": [{"quantity": 1e400}]}""", "$.lines[0].quantity", "Int32")]
    [InlineData("""{"lines": [{"quantity": "three"}]}""", "$.lines[0].quantity", "a whole number within the range of Int32")]
    [InlineData("""{"lines": {}}""", "$.lines", "an array")]
    [InlineData("""{"express": "yes"}""", "$.express", "boolean")]
    [InlineData("""[1, 2]""", "$", "an object")]
    public void NestedWrongTypes_NameTheirPath_AndTheTypeTheyExpect(string body, string path, string expected)
    {
        var problem = FromBody(body);

        Assert.Equal(BadRequestProblems.WrongTypeTitle, problem.Title);
        Assert.Contains(expected, Assert.Single(problem.Errors[path]), StringComparison.Ordinal);
        Assert.DoesNotContain("AspireMsa", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnboundRouteOrQueryValue_NamesTheParameter_AndEchoesTheValue()
    {
        var problem = BadRequestProblems.From(new BadHttpRequestException("""Failed to bind parameter "Guid id" from "not-a-guid".""", 400));

        Assert.Equal(BadRequestProblems.BadParameterTitle, problem.Title);
        Assert.Equal("'not-a-guid' is not a GUID.", Assert.Single(problem.Errors["id"]));
        Assert.Equal("The parameter 'id' must be a GUID; 'not-a-guid' is not.", problem.Detail);
    }

    [Fact]
    public void AHugeValue_IsEchoedCut()
    {
        var value = new string('9', 10_000);
        var problem = BadRequestProblems.From(new BadHttpRequestException($"""Failed to bind parameter "int page" from "{value}".""", 400));

        Assert.True(problem.Detail!.Length < 200, problem.Detail);
        Assert.StartsWith("'999", Assert.Single(problem.Errors["page"]), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingBodyOrParameter_SaysWhichOneIsMissing()
    {
        var body = BadRequestProblems.From(new BadHttpRequestException(
            """Implicit body inferred for parameter "request" but no body was provided. Did you mean to use a Service instead?""", 400));
        var query = BadRequestProblems.From(new BadHttpRequestException("""Required parameter "string name" was not provided from query string.""", 400));

        Assert.Equal(BadRequestProblems.MissingBodyTitle, body.Title);
        Assert.Contains("request", body.Errors.Keys);
        Assert.Equal(BadRequestProblems.MissingParameterTitle, query.Title);
        Assert.Equal("The parameter 'name' is required in the query string.", query.Detail);
    }

    [Fact]
    public void ABodyThatIsNotJson_NamesTheContentType_AndWhatToSend()
    {
        var problem = BadRequestProblems.From(new BadHttpRequestException("""Expected a supported JSON media type but got "text/plain".""", 415));

        Assert.Equal(415, problem.Status);
        Assert.Equal(BadRequestProblems.NotJsonTitle, problem.Title);
        Assert.Equal("'text/plain' is not a JSON media type; send application/json.", Assert.Single(problem.Errors["Content-Type"]));
    }

    [Fact]
    public void AContentTypeRoutingRefused_IsNamed()
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = "text/plain";
        var context = new ProblemDetailsContext { HttpContext = http, ProblemDetails = new() { Status = 415 } };

        BadRequestProblems.NameUnsupportedContentType(context);

        var errors = Assert.IsType<Dictionary<string, string[]>>(context.ProblemDetails.Extensions["errors"]);
        Assert.StartsWith("'text/plain' is not a content type this endpoint accepts", Assert.Single(errors["Content-Type"]), StringComparison.Ordinal);
    }

    [Fact]
    public void AnyOtherFailure_KeepsItsStatus_AndItsMessage()
    {
        var problem = BadRequestProblems.From(new BadHttpRequestException("Request body too large. The max request body size is 1048576 bytes.", 413));

        Assert.Equal(413, problem.Status);
        Assert.Equal("Payload Too Large", problem.Title);
        Assert.Equal("Request body too large. The max request body size is 1048576 bytes.", problem.Detail);
    }

    [Fact]
    public void AnUnknownField_WhereUnknownFieldsAreRefused_IsNamed()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<InjectedFault>("""{"delayMs": 500}""", JsonSerializerOptions.Web));

        var problem = BadRequestProblems.From(new BadHttpRequestException("""Failed to read parameter "InjectedFault fault" from the request body as JSON.""", 400, exception));

        Assert.Equal("This field is not part of the request.", Assert.Single(problem.Errors["$.delayMs"]));
        Assert.DoesNotContain("Microsoft", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=nonsense", true)]
    [InlineData("application/json; charset=utf-8", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void OnlyACharsetWithNoEncoding_IsUnsupported(string? contentType, bool unsupported)
    {
        var problem = BadRequestProblems.FromUnknownCharset(contentType);

        Assert.Equal(unsupported, problem is not null);
        Assert.Equal(unsupported ? 415 : null, problem?.Status);
    }

    /// <summary>What minimal APIs throw when the body does not deserialize: the serializer's own exception, wrapped.</summary>
    private static HttpValidationProblemDetails FromBody(string json)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Order>(json, JsonSerializerOptions.Web));
        return BadRequestProblems.From(new BadHttpRequestException("""Failed to read parameter "Order request" from the request body as JSON.""", 400, exception));
    }
}
