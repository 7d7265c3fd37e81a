using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>An XML answer of the legacy interface, with its status: a document, or the error envelope.</summary>
public sealed class LegacyXmlResult(int statusCode, XDocument document) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string ContentType = "application/xml; charset=utf-8";

    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    string IContentTypeHttpResult.ContentType => ContentType;

    public XDocument Document => document;

    public static LegacyXmlResult Ok(XDocument document) => new(StatusCodes.Status200OK, document);

    public static LegacyXmlResult Error(LegacyError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Status, error.ToXml());
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // Written to memory first: Kestrel allows no synchronous writes, and the length is then known.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            document.Save(writer);
        }

        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = buffer.Length;
        await httpContext.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
    }
}
