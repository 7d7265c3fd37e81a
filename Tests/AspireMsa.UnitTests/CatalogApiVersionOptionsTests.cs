using AspireMsa.Catalog.Api.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AspireMsa.UnitTests;

/// <summary><c>Catalog:ApiVersion</c> is checked when the catalog starts: only the versions it can answer as are accepted.</summary>
public class CatalogApiVersionOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("v1")]
    [InlineData("v2")]
    public void AKnownVersionOrNone_Starts(string? version)
    {
        using var provider = Build(version);

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("V2")]
    [InlineData("")]
    public void AnUnknownVersion_StopsTheStart_NamingTheSetting(string version)
    {
        using var provider = Build(version);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Catalog:ApiVersion must be v1 or v2", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string? version)
    {
        var settings = version is null ? [] : new Dictionary<string, string?> { ["Catalog:ApiVersion"] = version };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCatalogApiVersion();
        return services.BuildServiceProvider();
    }
}
