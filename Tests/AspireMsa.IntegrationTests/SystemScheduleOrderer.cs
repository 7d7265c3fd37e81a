using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestCollectionOrderer("AspireMsa.IntegrationTests.SystemScheduleOrderer", "AspireMsa.IntegrationTests")]

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The order the systems start in (see <see cref="IntegrationTestFramework"/>): the fault system and the first-run system
/// first, side by side, since both spend most of their time waiting (on timeouts, on an idle minute); then the shared
/// system, which takes the whole machine; then the small ones.
/// </summary>
public sealed class SystemScheduleOrderer : ITestCollectionOrderer
{
    private static readonly string[] Schedule = [FaultCollection.Name, FirstRunCollection.Name, SystemCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(collection => Array.IndexOf(Schedule, collection.DisplayName) is var rank and >= 0 ? rank : Schedule.Length)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
