using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AspireMsa.ServiceDefaults.Problems;

/// <summary>
/// Turns the binding failures minimal APIs throw (<see cref="BadHttpRequestException"/>, with
/// <c>ThrowOnBadRequest</c> on) into problem details that name the field and say what is wrong with it. The
/// <c>errors</c> map has the shape of a validation problem, keyed by the JSON path or the parameter's name, so a
/// client handles both the same way.
/// </summary>
public static partial class BadRequestProblems
{
    public const string InvalidJsonTitle = "The request body is not valid JSON";
    public const string WrongTypeTitle = "A value in the request body has the wrong type";
    public const string UnreadableBodyTitle = "The request body does not have the expected shape";
    public const string BadParameterTitle = "A parameter has the wrong format";
    public const string MissingParameterTitle = "A required parameter is missing";
    public const string MissingBodyTitle = "The request body is missing";
    public const string UnreadableFormTitle = "The form in the request body could not be read";
    public const string NotJsonTitle = "The request body is not JSON";

    // An echoed value only has to be recognisable; a megabyte of it helps nobody.
    private const int MaxEchoedLength = 64;

    public static HttpValidationProblemDetails From(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is JsonException json)
        {
            return FromJson(json, exception.StatusCode);
        }

        var message = exception.Message;
        if (BindingFailed().Match(message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            var type = FriendlyParameterType(failed.Groups["type"].Value);
            var value = Echo(failed.Groups["value"].Value);
            return Problem(exception.StatusCode, BadParameterTitle, $"The parameter '{name}' must be {type}; '{value}' is not.",
                name, $"'{value}' is not {type}.");
        }

        if (RequiredNotProvided().Match(message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            var source = required.Groups["source"].Value;
            return Problem(exception.StatusCode, MissingParameterTitle, $"The parameter '{name}' is required in the {source}.",
                name, $"The {source} must carry '{name}'.");
        }

        if (ImplicitBodyNotProvided().Match(message) is { Success: true } body)
        {
            return Problem(exception.StatusCode, MissingBodyTitle, "This request needs a JSON body.",
                body.Groups["name"].Value, "A JSON body is required.");
        }

        if (NotJsonContentType().Match(message) is { Success: true } notJson)
        {
            var contentType = Echo(notJson.Groups["type"].Value);
            return Problem(exception.StatusCode, NotJsonTitle, $"This request needs a JSON body; the Content-Type '{contentType}' is not JSON.",
                "Content-Type", $"'{contentType}' is not a JSON media type; send application/json.");
        }

        // Any other binding failure (a body over the size limit, an unreadable form) says what it is in its own message.
        return new HttpValidationProblemDetails
        {
            Status = exception.StatusCode,
            Title = ReasonPhrases.GetReasonPhrase(exception.StatusCode),
            Detail = Echo(message, 300),
        };
    }

    /// <summary>
    /// Problem details for a request whose content type names a charset .NET has no encoding for (the JSON reader throws an
    /// <see cref="InvalidOperationException"/> for it), or <see langword="null"/> when the charset is absent or known.
    /// </summary>
    public static HttpValidationProblemDetails? FromUnknownCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Charset is not { Length: > 0 } charset)
        {
            return null;
        }

        try
        {
            Encoding.GetEncoding(charset.ToString());
            return null;
        }
        catch (ArgumentException)
        {
            var name = Echo(charset.ToString());
            return Problem(StatusCodes.Status415UnsupportedMediaType, ReasonPhrases.GetReasonPhrase(StatusCodes.Status415UnsupportedMediaType),
                $"The charset '{name}' is not supported; send UTF-8.", "Content-Type", $"Unknown charset '{name}'.");
        }
    }

    /// <summary>
    /// Names the header when routing refused a body's content type (a 415 before any binding, from the endpoint's accepted
    /// media types): the status code page alone would say only "Unsupported Media Type".
    /// </summary>
    public static void NameUnsupportedContentType(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || context.ProblemDetails is HttpValidationProblemDetails)
        {
            return;
        }

        var contentType = Echo(context.HttpContext.Request.ContentType ?? "none");
        var error = $"'{contentType}' is not a content type this endpoint accepts; its OpenAPI document lists those it does.";
        context.ProblemDetails.Detail ??= error;
        context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [error] };
    }

    /// <summary>The form reader's <see cref="InvalidDataException"/> (bad encoding, too many values) says what is wrong with the form.</summary>
    public static HttpValidationProblemDetails FromUnreadableForm(InvalidDataException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new HttpValidationProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = UnreadableFormTitle,
            Detail = Echo(exception.Message, 300),
        };
    }

    private static HttpValidationProblemDetails FromJson(JsonException json, int status)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var reason = Reason(json.Message);
        string title;
        if (CouldNotConvert().Match(reason) is { Success: true } conversion)
        {
            title = WrongTypeTitle;
            // For a record's constructor parameter the serializer names the record, not the field's type; the reader's own
            // complaint ("Cannot get the value of a token type 'String' as a number.") names what the field expects.
            reason = json.InnerException switch
            {
                // A number sent as a string that is none (the web defaults read numbers from strings) names its .NET type.
                { } inner when OutOfBounds().Match(inner.Message) is { Success: true } bounds
                    => $"The value must be {FriendlyJsonType($"System.{bounds.Groups["type"].Value}")}.",
                { } inner and not JsonException => Reason(inner.Message),
                _ => $"The value must be {FriendlyJsonType(conversion.Groups["type"].Value)}.",
            };
        }
        else if (UnmappedMember().IsMatch(reason))
        {
            title = UnreadableBodyTitle;
            reason = "This field is not part of the request.";
        }
        else
        {
            // A syntax error comes from the reader, wrapped; anything else is the right JSON for the wrong type.
            title = json.InnerException is JsonException ? InvalidJsonTitle : UnreadableBodyTitle;
        }

        var position = json.LineNumber is { } line
            ? $" (line {line + 1}, byte {json.BytePositionInLine.GetValueOrDefault() + 1})"
            : string.Empty;
        var problem = Problem(status, title, $"At '{path}'{position}: {reason}", path, reason);
        problem.Extensions["jsonPath"] = path;
        if (json.LineNumber is { } lineNumber)
        {
            problem.Extensions["lineNumber"] = lineNumber;
            problem.Extensions["bytePositionInLine"] = json.BytePositionInLine.GetValueOrDefault();
        }

        return problem;
    }

    private static HttpValidationProblemDetails Problem(int status, string title, string detail, string field, string error) =>
        new(new Dictionary<string, string[]> { [field] = [error] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        };

    /// <summary>System.Text.Json appends the path and position to its message; they are reported as fields of their own.</summary>
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return Echo((cut < 0 ? message : message[..cut]).Trim(), 300);
    }

    /// <summary>The .NET type System.Text.Json names, said as the JSON a client should send (no internal type names).</summary>
    private static string FriendlyJsonType(string clrType)
    {
        var type = NullableOf().Match(clrType) is { Success: true } nullable ? nullable.Groups["type"].Value : clrType;
        return type switch
        {
            "System.String" => "a string",
            "System.Guid" => "a GUID string",
            "System.Boolean" => "true or false",
            "System.Byte" or "System.Int16" or "System.Int32" or "System.Int64" or "System.UInt16" or "System.UInt32" or "System.UInt64"
                => $"a whole number within the range of {type["System.".Length..]}",
            "System.Decimal" or "System.Double" or "System.Single" => $"a number within the range of {type["System.".Length..]}",
            "System.DateTime" or "System.DateTimeOffset" => "an ISO 8601 date and time string",
            _ when type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List`", StringComparison.Ordinal)
                || type.Contains("Enumerable`", StringComparison.Ordinal) || type.Contains("Collection`", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }

    /// <summary>The type a minimal API names in a binding failure (C# spelling, e.g. <c>int</c> or <c>Guid</c>).</summary>
    private static string FriendlyParameterType(string type) => type.TrimEnd('?') switch
    {
        "Guid" => "a GUID",
        "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" => $"a whole number within the range of {type.TrimEnd('?')}",
        "decimal" or "double" or "float" => "a number",
        "bool" => "true or false",
        "DateTime" or "DateTimeOffset" or "DateOnly" => "an ISO 8601 date",
        var other => $"a valid {other}",
    };

    private static string Echo(string value, int max = MaxEchoedLength) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailed();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided from (?<source>.+)\.$""", RegexOptions.Singleline)]
    private static partial Regex RequiredNotProvided();

    [GeneratedRegex("""^Implicit body inferred for parameter "(?<name>[^"]+)" but no body was provided""")]
    private static partial Regex ImplicitBodyNotProvided();

    [GeneratedRegex("""out of bounds for an? (?<type>\w+)\.$""")]
    private static partial Regex OutOfBounds();

    [GeneratedRegex("""^Expected a supported JSON media type but got "(?<type>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex NotJsonContentType();

    [GeneratedRegex("""^The JSON value could not be converted to (?<type>.+)\.$""", RegexOptions.Singleline)]
    private static partial Regex CouldNotConvert();

    [GeneratedRegex("""could not be mapped to any \.NET member""")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("""^System\.Nullable`1\[(?<type>.+)\]$""")]
    private static partial Regex NullableOf();
}
