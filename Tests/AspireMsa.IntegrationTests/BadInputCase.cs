namespace AspireMsa.IntegrationTests;

/// <summary>
/// One bad request of the sweep. <see cref="MustReject"/>: the input breaks the operation's declared type, format or
/// bounds, so only a 4xx is right; otherwise the input is odd but well typed, and anything short of a 5xx will do.
/// <see cref="ExpectsProblem"/> is false only where a protocol fixes its own error format (OAuth 2.0, RFC 6749) or the
/// server refuses the request line before any application code runs. <see cref="ExpectContinue"/> sends the body only
/// once the server asks for it, as a client of large uploads should: a refusal then never races the upload.
/// </summary>
public sealed record BadInputCase(
    HttpMethod Method,
    string PathAndQuery,
    string Caller,
    string Input,
    bool MustReject,
    byte[]? Body = null,
    string? ContentType = null,
    bool ExpectsProblem = true,
    bool ExpectContinue = false)
{
    public override string ToString() =>
        $"{Method} {(PathAndQuery.Length > 160 ? PathAndQuery[..160] + "…" : PathAndQuery)} as {Caller} [{Input}]";
}
