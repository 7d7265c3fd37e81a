namespace AspireMsa.LegacyAdapter.Api.Contract;

/// <summary>Reads a legacy request body up to a limit: a declared or streamed body above it is refused, not read to its end.</summary>
public static class LegacyRequestBody
{
    public static async Task<(byte[]? Body, LegacyError? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!LegacyXml.IsXml(request.ContentType))
        {
            return (null, new LegacyError(
                StatusCodes.Status415UnsupportedMediaType,
                LegacyErrorCode.UnsupportedMediaType,
                $"Send the order as XML (Content-Type: application/xml or text/xml), not '{request.ContentType ?? "no content type"}'."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // One byte over the limit tells a chunked body that is too large from one that fits exactly.
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? (null, TooLarge(maxBytes)) : (buffer[..length], null);
    }

    private static LegacyError TooLarge(int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge, LegacyErrorCode.BodyTooLarge, $"The body is larger than the {maxBytes} bytes a legacy request may have.");
}
