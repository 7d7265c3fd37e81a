using AspireMsa.Identity.Api.Clients;
using Microsoft.Extensions.Configuration;

namespace AspireMsa.UnitTests;

/// <summary><c>Clients:LegacyAdapter</c>: the token server binds the adapter's client to one customer account, and to no other client.</summary>
public class LegacyAdapterClientOptionsTests
{
    [Fact]
    public void TheLegacyAdaptersClient_ActsForItsConfiguredAccount_AndNoOtherClientActsForAnyone()
    {
        var options = Bind(new() { ["Clients:LegacyAdapter:Secret"] = "legacy-secret", ["Clients:LegacyAdapter:Account"] = "bob" });

        Assert.True(ClientOptions.LegacyAdapterActsForAnAccount(options));
        Assert.Equal("bob", options.AccountActedForBy(ClientIds.LegacyAdapter));
        Assert.Null(options.AccountActedForBy(ClientIds.Services));
        Assert.Null(options.AccountActedForBy(ClientIds.Storefront));
    }

    [Fact]
    public void WithoutASecret_TheAdaptersClientActsForNobody()
    {
        var options = Bind(new() { ["Clients:LegacyAdapter:Account"] = "bob" });

        Assert.True(ClientOptions.LegacyAdapterActsForAnAccount(options));
        Assert.Null(options.AccountActedForBy(ClientIds.LegacyAdapter));
    }

    [Fact]
    public void ASecretWithoutAnAccount_StopsTheStart() =>
        Assert.False(ClientOptions.LegacyAdapterActsForAnAccount(Bind(new() { ["Clients:LegacyAdapter:Secret"] = "legacy-secret" })));

    private static ClientOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ClientOptions.SectionName).Get<ClientOptions>() ?? new ClientOptions();
}
