using System.Globalization;
using System.Xml.Linq;

namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>
/// The legacy error envelope, <c>&lt;Error&gt;&lt;Status/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>: every refusal the
/// legacy interface gives, with the HTTP status it is sent with.
/// </summary>
public sealed record LegacyError(int Status, string Code, string Message)
{
    public static LegacyError BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    public static LegacyError MissingField(string field) =>
        BadRequest(LegacyErrorCode.MissingField, $"'{field}' is required.");

    public XDocument ToXml() => new(new XElement(
        "Error",
        new XElement("Status", Status.ToString(CultureInfo.InvariantCulture)),
        new XElement("Code", Code),
        new XElement("Message", Message)));
}
