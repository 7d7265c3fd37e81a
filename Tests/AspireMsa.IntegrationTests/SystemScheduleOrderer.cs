using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestCollectionOrderer("AspireMsa.IntegrationTests.SystemScheduleOrderer", "AspireMsa.IntegrationTests")]

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The order the systems start in (see <see cref="IntegrationTestFramework"/>): the fault system and the first-run system
/// first, side by side, since both spend most of their time waiting (on timeouts, on an idle minute); then the small ones,
/// in the slot the first to end frees; the shared system last, since it takes the whole machine. (Queued before the small
/// ones, it held the first free slot while it waited for the second, and they then ran between it and the fault system.)
/// </summary>
public sealed class SystemScheduleOrderer : ITestCollectionOrderer
{
    private static readonly string[] First = [FaultCollection.Name, FirstRunCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(Rank)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection) =>
        collection.DisplayName == SystemCollection.Name ? First.Length + 1
        : Array.IndexOf(First, collection.DisplayName) is var rank and >= 0 ? rank
        : First.Length;
}
