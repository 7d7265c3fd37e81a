using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestCollectionOrderer("AspireMsa.IntegrationTests.LongestFirstCollectionOrderer", "AspireMsa.IntegrationTests")]

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Starts the longest collections first, so the short ones fill the gaps at the end instead of one long collection
/// running alone after the rest (see <see cref="IntegrationTestFramework"/>). The order is from CI's collection timings.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] LongestFirst =
        [MessagingFaultCollection.Name, StopsAndFreezesCollection.Name, SystemCollection.Name, RedisOutageCollection.Name, FirstRunCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(collection => Array.IndexOf(LongestFirst, collection.DisplayName) is var rank and >= 0 ? rank : LongestFirst.Length)
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
