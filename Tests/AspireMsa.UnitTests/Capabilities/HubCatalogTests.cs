using AspireMsa.Gateway.Hub;
using AspireMsa.ServiceDefaults.Capabilities;

namespace AspireMsa.UnitTests.Capabilities;

/// <summary>What the hub derives from the manifests: events with their publishers and consumers, datasets with lineage both ways.</summary>
public class HubCatalogTests
{
    private sealed class Events(string source, Type[] published, Type[] consumed) : ICapabilityEvents
    {
        public string Source => source;

        public IReadOnlyCollection<Type> Published => published;

        public IReadOnlyCollection<Type> Consumed => consumed;
    }

    [Fact]
    public void TwoVersionsOfOneService_AreOnePublisher_ListedAsTwoCapabilities()
    {
        var catalog = HubCatalog.From(
            [
                Manifest("catalog-v1", new Events("catalog", [typeof(Contracts.ProductPriceChanged)], [])),
                Manifest("catalog-v2", new Events("catalog", [typeof(Contracts.ProductPriceChanged)], [])),
                Manifest("inventory", new Events("inventory", [], [typeof(Contracts.ProductPriceChanged)])),
            ],
            []);

        var priceChanged = Assert.Single(catalog.Events);
        Assert.Equal(["catalog"], priceChanged.Publishers);
        Assert.Equal(["catalog-v1", "catalog-v2"], priceChanged.PublishedBy);
        Assert.Equal(["inventory"], priceChanged.ConsumedBy);
        Assert.Equal(DatasetUrn.ForEvent("ProductPriceChanged"), priceChanged.Urn);
        Assert.NotNull(priceChanged.Schema);
    }

    [Fact]
    public void ADatasetsDownstream_IsEveryDatasetThatNamesItUpstream_AndASharedTableIsListedOnce()
    {
        var table = new Dataset("urn:a", "postgres", "db.public.a", "table", "team", [], [], []);
        var derived = new Dataset("urn:b", "file", "lake.raw.b", "lake-table", "team", [], ["urn:a"], ["dt"]);

        var catalog = HubCatalog.From([Manifest("one", null, [table]), Manifest("two", null, [table, derived])], ["three"]);

        Assert.Equal(["urn:a", "urn:b"], catalog.Datasets.Select(dataset => dataset.Urn));
        var shared = catalog.Datasets[0];
        Assert.Equal(["one", "two"], shared.DescribedBy);
        Assert.Equal(["urn:b"], shared.Downstream);
        Assert.Empty(catalog.Datasets[1].Downstream);
        Assert.Equal(["three"], catalog.Unavailable);
    }

    private static CapabilityManifest Manifest(string name, ICapabilityEvents? events, IReadOnlyList<Dataset>? datasets = null) => new(
        CapabilityManifest.BackstageApiVersion,
        CapabilityManifest.ComponentKind,
        new CapabilityMetadata(name, "test", events is null ? new Dictionary<string, string>() : new() { [HubCatalog.EventSourceAnnotation] = events.Source }),
        new CapabilitySpec("service", "production", "team", "aspiremsa", [], [], [], null,
            events is null ? null : AsyncApiDocument.Create(name, events), datasets ?? []));
}
