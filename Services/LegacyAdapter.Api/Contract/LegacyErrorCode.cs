namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>The machine-readable codes of the legacy error envelope: old clients switch on these, never on the message.</summary>
public static class LegacyErrorCode
{
    public const string Unauthorized = "UNAUTHORIZED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string MalformedXml = "MALFORMED_XML";
    public const string DtdNotAllowed = "DTD_NOT_ALLOWED";
    public const string MissingField = "MISSING_FIELD";
    public const string InvalidField = "INVALID_FIELD";
    public const string InvalidQuantity = "INVALID_QUANTITY";
    public const string UnknownSku = "UNKNOWN_SKU";
    public const string OrderNotFound = "ORDER_NOT_FOUND";
    public const string OrderNoReused = "ORDER_NO_REUSED";
    public const string OrderRefused = "ORDER_REFUSED";
    public const string NoSuchOperation = "NO_SUCH_OPERATION";
    public const string Unavailable = "UNAVAILABLE";
    public const string Internal = "INTERNAL";
}
