using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using AspireMsa.ServiceDefaults.Capabilities;

namespace AspireMsa.UnitTests.Capabilities;

/// <summary>The AsyncAPI documents services serve: valid AsyncAPI 3.0, with each event's payload its exported schema.</summary>
public class AsyncApiDocumentTests
{
    [Fact]
    public void TheDocumentOfEveryContractEvent_ValidatesAgainstTheOfficialAsyncApi3Schema()
    {
        var document = AsyncApiDocument.Create("test events", new ContractEvents());

        Assert.Empty(AsyncApiSchema.ErrorsOf(document));
    }

    [Fact]
    public void TheVendoredSchema_RejectsAnOperationWithoutAnAction()
    {
        var document = AsyncApiDocument.Create("test events", new ContractEvents());
        var operation = (JsonObject)document["operations"]!.AsObject().First().Value!;
        operation.Remove("action");

        Assert.NotEmpty(AsyncApiSchema.ErrorsOf(document));
    }

    [Fact]
    public void PublishedEventsAreSent_ConsumedOnesReceived_OnAChannelNamedByTheirRoutingKey()
    {
        var events = new ContractEvents();
        var document = AsyncApiDocument.Create("test events", events);
        var operations = document["operations"]!.AsObject();

        foreach (var type in events.Published)
        {
            Assert.Equal("send", operations[$"publish{type.Name}"]!["action"]!.GetValue<string>());
            Assert.Equal($"#/channels/{type.Name}", operations[$"publish{type.Name}"]!["channel"]!["$ref"]!.GetValue<string>());
        }

        foreach (var type in events.Consumed)
        {
            Assert.Equal("receive", operations[$"consume{type.Name}"]!["action"]!.GetValue<string>());
        }

        Assert.Equal(ContractEvents.All.Select(type => type.Name), document["channels"]!.AsObject().Select(channel => channel.Key));
    }

    [Fact]
    public void EachMessagesPayload_IsTheJsonSchemaExportersSchemaOfItsType_WithTheBussSerializerOptions()
    {
        var document = AsyncApiDocument.Create("test events", new ContractEvents());

        foreach (var type in ContractEvents.All)
        {
            var expected = JsonSchemaExporter.GetJsonSchemaAsNode(System.Text.Json.JsonSerializerOptions.Web, type);
            Assert.True(JsonNode.DeepEquals(expected, document["components"]!["messages"]![type.Name]!["payload"]), type.Name);
        }
    }
}
