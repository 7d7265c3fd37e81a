using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;

namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>
/// Reads a legacy request body as XML without the parser's dangerous features: a document type declaration is refused
/// outright (no entity expansion, so no "billion laughs"), nothing is ever resolved (no external entity, so no file or URL
/// is read: XXE), and the reader stops at the body's size.
/// </summary>
public static class LegacyXml
{
    public static readonly string[] MediaTypes = ["application/xml", "text/xml"];

    public static XmlReaderSettings ReaderSettings(int maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>Whether the content type names XML (<c>application/xml</c>, <c>text/xml</c> or a <c>+xml</c> type), whatever its charset.</summary>
    public static bool IsXml(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Value is { } mediaType
        && (MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase));

    public static bool TryLoad(byte[] body, [NotNullWhen(true)] out XDocument? document, [NotNullWhen(false)] out LegacyError? error)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), ReaderSettings(body.Length));
            document = XDocument.Load(reader);
            error = null;
            return true;
        }
        catch (XmlException exception)
        {
            document = null;
            error = DeclaresADocumentType(body)
                ? LegacyError.BadRequest(LegacyErrorCode.DtdNotAllowed, "Document type declarations (DTDs) and entities are not accepted; send the order without <!DOCTYPE>.")
                : LegacyError.BadRequest(LegacyErrorCode.MalformedXml, $"The body is not well-formed XML: {exception.Message}");
            return false;
        }
    }

    /// <summary>Only to name the refusal: the reader has already refused the document without reading its declarations.</summary>
    private static bool DeclaresADocumentType(byte[] body) => body.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0;
}
