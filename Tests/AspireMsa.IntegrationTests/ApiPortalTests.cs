using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace AspireMsa.IntegrationTests;

/// <summary>One API portal at the gateway: every service's OpenAPI document, rewritten to the gateway, and one UI.</summary>
[Collection(SystemCollection.Name)]
public class ApiPortalTests(SystemFixture system)
{
    private static readonly string[] ServiceNames = ["catalog", "ordering", "inventory", "identity", "analytics"];

    public static TheoryData<string> Services => new(ServiceNames);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task EachServiceDocument_IsValidOpenApi_ServedWithTheGatewayAsServer_AndDeclaresTheOAuth2Flows(string service)
    {
        var document = await LoadAsync(service);

        var server = Assert.Single(document.Servers!);
        Assert.Equal(system.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), server.Url);

        var scheme = Assert.Contains("oauth2", document.Components!.SecuritySchemes!);
        Assert.Equal(SecuritySchemeType.OAuth2, scheme.Type);
        Assert.Equal(new Uri(system.Gateway.BaseAddress, "/connect/token"), scheme.Flows!.Password!.TokenUrl);
        Assert.Equal(new Uri(system.Gateway.BaseAddress, "/connect/authorize"), scheme.Flows.AuthorizationCode!.AuthorizationUrl);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task EverySecurityRequirement_RefersToTheOAuth2Scheme_WithScopesItDeclares(string service)
    {
        var document = await LoadAsync(service);
        var declared = document.Components!.SecuritySchemes!["oauth2"].Flows!.Password!.Scopes!.Keys;

        foreach (var (scheme, scopes) in Operations(document).SelectMany(o => o.Operation.Security ?? []).SelectMany(r => r))
        {
            Assert.Equal("oauth2", scheme.Reference.Id);
            Assert.All(scopes, scope => Assert.Contains(scope, declared));
        }
    }

    [Fact]
    public async Task AnOperationThatRequiresAuthorization_ListsTheRequirement_AndItsAnswers()
    {
        var document = await LoadAsync("identity");

        // /api/me is mapped with RequireAuthorization(); /api/keys/rotate with an admin-role policy.
        var me = document.Paths["/api/me"]!.Operations![HttpMethod.Get];
        var requirement = Assert.Single(me.Security!);
        Assert.Equal("oauth2", Assert.Single(requirement.Keys).Reference.Id);
        Assert.Contains("401", me.Responses!.Keys);

        var rotate = document.Paths["/api/keys/rotate"]!.Operations![HttpMethod.Post];
        Assert.NotEmpty(rotate.Security!);
        Assert.Contains("403", rotate.Responses!.Keys);
        Assert.Contains("admin", rotate.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApiDocument_IsNotFoundProblemDetails()
    {
        await Problems.AssertAsync(await system.Gateway.GetAsync("/openapi/nothing-here.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheDocsPortal_AnswersHtml_ListingEveryDocument()
    {
        var response = await system.Gateway.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.All(ServiceNames, service => Assert.Contains($"openapi/{service}.json", html, StringComparison.Ordinal));
        Assert.Contains("aspiremsa-cli", html, StringComparison.Ordinal);
    }

    private async Task<OpenApiDocument> LoadAsync(string service)
    {
        var response = await system.Gateway.GetAsync($"/openapi/{service}.json");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{service}: {(int)response.StatusCode} {json}");

        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.NotNull(result.Document);
        Assert.True(result.Diagnostic is null || result.Diagnostic.Errors.Count == 0,
            $"{service}: {string.Join("; ", result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? [])}");
        return result.Document;
    }

    private static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(operation => (path.Key, operation.Key, operation.Value)));
}
