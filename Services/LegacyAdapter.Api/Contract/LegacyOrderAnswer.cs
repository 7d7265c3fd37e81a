using System.Xml.Linq;

namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>The legacy answer about an order: <c>&lt;OrderResponse&gt;&lt;OrderNo/&gt;&lt;Status/&gt;&lt;/OrderResponse&gt;</c>, the status a legacy code.</summary>
public sealed record LegacyOrderAnswer(string OrderNo, string Status)
{
    public XDocument ToXml() => new(new XElement("OrderResponse", new XElement("OrderNo", OrderNo), new XElement("Status", Status)));
}
