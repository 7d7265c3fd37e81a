using System.Text;
using AspireMsa.LegacyAdapter.Api.Contract;
using AspireMsa.LegacyAdapter.Api.Security;
using Microsoft.AspNetCore.Http;

namespace AspireMsa.UnitTests.LegacyAdapter;

/// <summary>What a legacy request must pass before its XML is parsed: its key, its content type and its size.</summary>
public class LegacyRequestGuardTests
{
    private const int Limit = 1024;

    [Theory]
    [InlineData("the-legacy-clients-key", true)]
    [InlineData("the-legacy-clients-key ", false)]
    [InlineData("the-legacy-clients-ke", false)]
    [InlineData("THE-LEGACY-CLIENTS-KEY", false)]
    [InlineData("", false)]
    public void OnlyTheExactKey_Matches(string sent, bool matches) =>
        Assert.Equal(matches, ApiKeyAuthenticationHandler.Matches(sent, "the-legacy-clients-key"));

    [Fact]
    public void NoConfiguredKey_MatchesNothing_NotEvenAnEmptyOne() =>
        Assert.False(ApiKeyAuthenticationHandler.Matches(string.Empty, string.Empty));

    [Theory]
    [InlineData("application/xml", true)]
    [InlineData("text/xml; charset=utf-8", true)]
    [InlineData("application/soap+xml", true)]
    [InlineData("application/json", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void OnlyXmlContentTypes_AreRead(string? contentType, bool isXml) => Assert.Equal(isXml, LegacyXml.IsXml(contentType));

    [Fact]
    public async Task ABodyAtTheLimit_IsRead_WholeAsSent()
    {
        var sent = Encoding.UTF8.GetBytes(new string('x', Limit));

        var (body, error) = await LegacyRequestBody.ReadAsync(Request(sent, declareLength: true), Limit, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(sent, body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOverTheLimit_IsRefused413_DeclaredOrStreamed(bool declareLength)
    {
        var (body, error) = await LegacyRequestBody.ReadAsync(Request(new byte[Limit + 1], declareLength), Limit, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, error!.Status);
        Assert.Equal(LegacyErrorCode.BodyTooLarge, error.Code);
    }

    [Fact]
    public async Task ABodyThatIsNotXml_IsRefused415_Unread()
    {
        var request = Request("{}"u8.ToArray(), declareLength: true);
        request.ContentType = "application/json";

        var (body, error) = await LegacyRequestBody.ReadAsync(request, Limit, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, error!.Status);
        Assert.Equal(0, request.Body.Position);
    }

    private static HttpRequest Request(byte[] body, bool declareLength)
    {
        var request = new DefaultHttpContext().Request;
        request.ContentType = "application/xml";
        request.Body = new MemoryStream(body);
        request.ContentLength = declareLength ? body.Length : null;
        return request;
    }
}
