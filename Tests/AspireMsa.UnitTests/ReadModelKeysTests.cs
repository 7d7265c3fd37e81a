using System.Text;
using AspireMsa.Catalog.Api.ReadModel;

namespace AspireMsa.UnitTests;

/// <summary>
/// The Redis indexes hold members with equal scores, which Redis orders by their UTF-8 bytes; these tests pin that this
/// byte order is the catalog's listing order (name, then id) and that the key layout keeps one hash slot.
/// </summary>
public class ReadModelKeysTests
{
    private static readonly Guid LowId = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid HighId = Guid.Parse("ffffffff-0000-0000-0000-000000000000");

    [Theory]
    [InlineData("Item 1", "Item 10")]
    [InlineData("Item", "Item 2")]
    [InlineData("Apple", "apple")]
    [InlineData("Zebra", "Äpfel")]
    [InlineData("a", "b")]
    public void IndexMembers_SortByName_WhateverTheIds(string first, string second)
    {
        Assert.True(ByteOrder(ReadModelKeys.IndexMember(first, HighId), ReadModelKeys.IndexMember(second, LowId)) < 0);
    }

    [Fact]
    public void IndexMembers_OfEqualNames_SortById()
    {
        Assert.True(ByteOrder(ReadModelKeys.IndexMember("Hat", LowId), ReadModelKeys.IndexMember("Hat", HighId)) < 0);
    }

    [Fact]
    public void TheCompleteMarker_SortsBeforeEveryProduct()
    {
        Assert.True(ByteOrder(ReadModelKeys.CompleteMarker, ReadModelKeys.IndexMember("", LowId)) < 0);
    }

    [Fact]
    public void AnIndexMember_GivesItsProductIdBack()
    {
        var id = Guid.CreateVersion7();

        Assert.True(ReadModelKeys.TryGetProductId(ReadModelKeys.IndexMember("Rain jacket", id), out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no separator and no id")]
    [InlineData("Name\0not-a-guid-but-exactly-32-chars")]
    public void AMemberNotWrittenByTheReadModel_HasNoProductId(string member)
    {
        Assert.False(ReadModelKeys.TryGetProductId(member, out _));
    }

    [Theory]
    [InlineData(1, 20, 1, 20)]
    [InlineData(2, 2, 3, 4)]
    [InlineData(3, 100, 201, 300)]
    public void APage_StartsAfterTheMarker(int page, int pageSize, long start, long stop)
    {
        Assert.Equal((start, stop), ReadModelKeys.PageRange(page, pageSize));
    }

    [Fact]
    public void TheLastPossiblePage_DoesNotOverflow()
    {
        var (start, stop) = ReadModelKeys.PageRange(int.MaxValue, 100);

        Assert.Equal((long)(int.MaxValue - 1) * 100 + 1, start);
        Assert.Equal(start + 99, stop);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ListingWithoutCategory_ReadsTheIndexOfAllProducts(string? category)
    {
        Assert.Equal(ReadModelKeys.AllProductsIndex, ReadModelKeys.Index(category));
    }

    [Fact]
    public void EveryKey_SharesOneHashTag_SoAScriptMayTouchThemTogetherOnACluster()
    {
        string[] keys = [ReadModelKeys.Product(Guid.CreateVersion7()), ReadModelKeys.AllProductsIndex, ReadModelKeys.Index("shoes")];

        Assert.All(keys, key => Assert.StartsWith("{catalog}:", key, StringComparison.Ordinal));
        Assert.NotEqual(ReadModelKeys.Index("shoes"), ReadModelKeys.Index("Shoes"));
    }

    /// <summary>How Redis compares members of equal score: memcmp of their UTF-8 bytes.</summary>
    private static int ByteOrder(string left, string right) =>
        Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right));
}
