using System.Globalization;
using System.Text;
using Microsoft.OpenApi;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Bad inputs for every operation of an OpenAPI document, derived from what the document declares: values that break
/// a declared type, format or bound (which must be rejected), and odd but well-typed values (which must not break the
/// service). A generated table rather than random draws, so every failure names exactly what was sent, and its size is
/// fixed by the documents: a few hundred requests.
/// </summary>
public static class BadInputs
{
    public const string Anonymous = "anonymous";
    public const string Customer = "alice";
    public const string Admin = "admin";

    /// <summary>Just over the gateway's 1 MiB request body limit (<c>Gateway:MaxRequestBodyBytes</c>).</summary>
    public const int OversizedBodyBytes = (1024 * 1024) + 16;

    private const string Json = "application/json";
    private const int MaxNesting = 3;

    // Stands for "&name=" until the parameter's name is known.
    private const string RepeatedKey = "&(repeat)=";

    private static readonly string[] BadGuids =
        ["not-a-guid", "12345", "00000000-0000-0000-0000-00000000000g", new('9', 300), "%E2%80%AE", "%ED%A0%80", "%00", "%20"];

    // Well-typed text that has broken naive code: NUL, bidirectional overrides, Arabic, an emoji, SQL and path metacharacters.
    private static readonly string[] OddQueryText = ["%00", "%E2%80%AE%D8%B9%D8%B1%D8%A8%D9%8A", "%F0%9F%91%8D", "%27%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd"];

    private static readonly string[] MalformedJson = ["{", "{\"a\":", "[1,2", "nul", "{\"a\":1,}", "{'a':1}", "{\"a\":\"unterminated}", "{\"a\" 1}"];

    private static readonly string[] WrongTopLevel = ["[]", "\"text\"", "42", "true", "null"];

    public static IEnumerable<BadInputCase> For(OpenApiDocument document)
    {
        foreach (var (template, pathItem) in document.Paths)
        {
            foreach (var (method, operation) in pathItem.Operations ?? [])
            {
                foreach (var badInput in For(method, template, [.. pathItem.Parameters ?? [], .. operation.Parameters ?? []], operation))
                {
                    yield return badInput;
                }
            }
        }
    }

    /// <summary>The token server and login form: their errors are OAuth 2.0 JSON or HTML, so only "never a 5xx" applies.</summary>
    public static IEnumerable<BadInputCase> ForTokenServer()
    {
        const string form = "application/x-www-form-urlencoded";
        var user = $"sweep-{Guid.NewGuid():N}";
        BadInputCase Token(string input, string body, string? contentType = form) =>
            new(HttpMethod.Post, "/connect/token", Anonymous, input, MustReject: false, Encoding.UTF8.GetBytes(body), contentType, ExpectsProblem: false);

        yield return Token("form sent as JSON", $"{{\"grant_type\":\"password\",\"username\":\"{user}\"}}", Json);
        yield return Token("no content type", $"grant_type=password&username={user}", contentType: null);
        yield return Token("broken form encoding", "%%%&&==&grant_type=%");
        yield return Token("duplicate grant_type", $"grant_type=password&grant_type=client_credentials&client_id=aspiremsa-cli&username={user}&password=x");
        yield return Token("unknown grant_type", "grant_type=%00%E2%80%AE&client_id=aspiremsa-cli");
        yield return Token("NUL, RTL and a lone surrogate in the username", $"grant_type=password&client_id=aspiremsa-cli&username={user}%00%E2%80%AE%ED%A0%80&password=x");
        yield return Token("100k username", $"grant_type=password&client_id=aspiremsa-cli&username={user}{new string('a', 100_000)}&password=x");
        yield return Token("empty body", string.Empty);
        yield return Token("oversized form", $"grant_type=password&username={user}&password={new string('a', OversizedBodyBytes)}") with { ExpectContinue = true };
        yield return new(HttpMethod.Get, "/connect/authorize?client_id=%00&client_id=x&response_type=code&redirect_uri=javascript:alert(1)&scope=" + new string('s', 2000),
            Anonymous, "junk authorize query", MustReject: false, ExpectsProblem: false);
        yield return new(HttpMethod.Get, "/connect/userinfo?access_token=not.a.jwt", Anonymous, "junk access token", MustReject: false, ExpectsProblem: false);
        yield return new(HttpMethod.Get, "/connect/logout?post_logout_redirect_uri=%00&id_token_hint=x.y.z", Anonymous, "junk logout query", MustReject: false, ExpectsProblem: false);
        yield return new(HttpMethod.Get, "/.well-known/openid-configuration?x=%00&x=%ED%A0%80", Anonymous, "junk discovery query", MustReject: false, ExpectsProblem: false);
        yield return new(HttpMethod.Post, "/account/login?returnUrl=%00", Anonymous, "junk login form", MustReject: false,
            Encoding.UTF8.GetBytes($"username={user}%00&password=%ED%A0%80"), form, ExpectsProblem: false);
    }

    private static IEnumerable<BadInputCase> For(HttpMethod method, string template, IList<IOpenApiParameter> parameters, OpenApiOperation operation)
    {
        var caller = operation.Security is not { Count: > 0 } ? Anonymous
            : operation.Description?.Contains("role admin", StringComparison.Ordinal) == true ? Admin : Customer;
        var pathParameters = parameters.Where(p => p.In == ParameterLocation.Path).ToList();
        var queryParameters = parameters.Where(p => p.In == ParameterLocation.Query).ToList();
        var body = operation.RequestBody?.Content?.TryGetValue(Json, out var media) == true ? media.Schema : null;
        var safe = method == HttpMethod.Get;

        // A valid stand-in for each path parameter, so every other bad input reaches the handler's binding.
        var validPath = pathParameters.Aggregate(template, (path, p) => path.Replace($"{{{p.Name}}}", ValidValue(p.Schema), StringComparison.Ordinal));
        BadInputCase Case(string pathAndQuery, string input, bool mustReject, byte[]? content = null, string? contentType = null) =>
            new(method, pathAndQuery, caller, input, mustReject, content, contentType);

        foreach (var parameter in pathParameters)
        {
            var others = pathParameters.Where(p => p != parameter)
                .Aggregate(template, (path, p) => path.Replace($"{{{p.Name}}}", ValidValue(p.Schema), StringComparison.Ordinal));
            // A repeated key is a query-string matter.
            foreach (var (value, mustReject) in BadValues(parameter.Schema, safe).Where(v => !v.Value.Contains(RepeatedKey, StringComparison.Ordinal)))
            {
                // Kestrel refuses a NUL in the path with a bare 400 before any middleware runs: nothing can give it a body.
                yield return Case(others.Replace($"{{{parameter.Name}}}", value, StringComparison.Ordinal), $"path {parameter.Name}={Cut(value)}", mustReject)
                    with
                { ExpectsProblem = value != "%00" };
            }
        }

        foreach (var parameter in queryParameters)
        {
            foreach (var (bad, mustReject) in BadValues(parameter.Schema, safe))
            {
                var value = bad.Replace(RepeatedKey, $"&{parameter.Name}=", StringComparison.Ordinal);
                yield return Case($"{validPath}?{parameter.Name}={value}", $"query {parameter.Name}={Cut(value)}", mustReject);
            }
        }

        if (body is not null)
        {
            foreach (var (input, json) in BadBodies(body))
            {
                yield return Case(validPath, input, mustReject: true, json, Json);
            }

            var empty = "{}"u8.ToArray();
            yield return Case(validPath, "body as text/plain", mustReject: true, empty, "text/plain");
            yield return Case(validPath, "body as application/xml", mustReject: true, "<a/>"u8.ToArray(), "application/xml");
            yield return Case(validPath, "body with no content type", mustReject: true, empty);
            yield return Case(validPath, "body in an unknown charset", mustReject: true, empty, "application/json; charset=nonsense");
            yield return Case(validPath, "empty body", mustReject: true, [], Json);
        }

        if (!safe)
        {
            yield return Case(validPath, "oversized body", mustReject: true, Encoding.UTF8.GetBytes($"{{\"a\":\"{new string('a', OversizedBodyBytes)}\"}}"), Json)
                with
            { ExpectContinue = true };
        }
        else if (pathParameters.Count == 0 && queryParameters.Count == 0)
        {
            yield return Case($"{validPath}?unexpected=1&unexpected=%00", "unknown duplicated query key", mustReject: false);
        }
    }

    /// <summary>Values for a route or query parameter: the ones its schema forbids, and (for reads only) odd but allowed text.</summary>
    private static IEnumerable<(string Value, bool MustReject)> BadValues(IOpenApiSchema? schema, bool safe)
    {
        var resolved = Resolve(schema);
        switch (KindOf(resolved))
        {
            case JsonSchemaType.Integer or JsonSchemaType.Number:
                foreach (var value in new[] { "abc", "99999999999999999999", "1e400", "%00" })
                {
                    yield return (value, true);
                }

                if (KindOf(resolved) == JsonSchemaType.Integer)
                {
                    yield return ("1.5", true);
                }

                if (decimal.TryParse(resolved?.Minimum, CultureInfo.InvariantCulture, out var minimum))
                {
                    yield return ((minimum - 1).ToString(CultureInfo.InvariantCulture), true);
                }

                if (decimal.TryParse(resolved?.Maximum, CultureInfo.InvariantCulture, out var maximum))
                {
                    yield return ((maximum + 1).ToString(CultureInfo.InvariantCulture), true);
                }

                // A repeated key binds as "1,2": no integer.
                yield return ($"1{RepeatedKey}2", true);
                break;
            case JsonSchemaType.Boolean:
                yield return ("maybe", true);
                break;
            default:
                if (resolved?.Format == "uuid")
                {
                    foreach (var value in BadGuids)
                    {
                        yield return (value, true);
                    }
                }
                else if (safe)
                {
                    foreach (var value in OddQueryText)
                    {
                        yield return (value, false);
                    }

                    yield return ($"a{RepeatedKey}b", false);
                }

                if (resolved?.MaxLength is { } maxLength)
                {
                    yield return (new string('a', maxLength + 1), true);
                }

                break;
        }
    }

    /// <summary>JSON bodies the schema cannot accept: broken syntax, the wrong type at any depth, too deep, invalid UTF-8.</summary>
    private static IEnumerable<(string Input, byte[] Json)> BadBodies(IOpenApiSchema schema)
    {
        static (string, byte[]) Text(string input, string json) => (input, Encoding.UTF8.GetBytes(json));

        foreach (var json in MalformedJson)
        {
            yield return Text($"malformed JSON {json}", json);
        }

        if (KindOf(Resolve(schema)) == JsonSchemaType.Object)
        {
            foreach (var json in WrongTopLevel)
            {
                yield return Text($"body {json}", json);
            }
        }

        foreach (var (path, json) in WrongTypes(schema, "$", MaxNesting))
        {
            yield return Text($"wrong type at {path}: {Cut(json)}", json);
        }

        foreach (var (input, json) in OddStrings(schema))
        {
            yield return Text(input, json);
        }

        yield return Text("nested 100 deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100));
        yield return ("invalid UTF-8", [.. "{\"a\":\""u8, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. "\"}"u8]);
    }

    /// <summary>For each property at any depth, a document that is right around it and wrong in it.</summary>
    private static IEnumerable<(string Path, string Json)> WrongTypes(IOpenApiSchema? schema, string path, int depth)
    {
        var resolved = Resolve(schema);
        foreach (var wrong in WrongValues(resolved))
        {
            if (path != "$")
            {
                yield return (path, wrong);
            }
        }

        if (depth == 0 || resolved is null)
        {
            yield break;
        }

        if (KindOf(resolved) == JsonSchemaType.Object)
        {
            foreach (var (name, property) in resolved.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                foreach (var (inner, json) in WrongTypes(property, $"{path}.{name}", depth - 1))
                {
                    yield return (inner, $"{{\"{name}\":{json}}}");
                }
            }
        }
        else if (KindOf(resolved) == JsonSchemaType.Array)
        {
            foreach (var (inner, json) in WrongTypes(resolved.Items, $"{path}[0]", depth - 1))
            {
                yield return (inner, $"[{json}]");
            }
        }
    }

    private static string[] WrongValues(IOpenApiSchema? schema) => KindOf(schema) switch
    {
        JsonSchemaType.Integer => ["\"abc\"", "1.5", "1e400", "99999999999999999999999", "[]"],
        JsonSchemaType.Number => ["\"abc\"", "1e400", "-1e400", "{}"],
        JsonSchemaType.Boolean => ["\"yes\"", "1"],
        JsonSchemaType.Array => ["{}", "\"x\"", "1"],
        JsonSchemaType.Object => ["[]", "\"x\"", "1"],
        _ => schema?.Format switch
        {
            "uuid" => ["\"not-a-guid\"", "12345", "{}"],
            "date-time" => ["\"yesterday\"", "12345"],
            _ => ["12345", "true", "{}"],
        },
    };

    /// <summary>
    /// Empty, huge and exotic strings, and unknown fields, each in a body that leaves out another required property: the
    /// body is then invalid whatever the string, so the service must reject it, and must not fall over reading it.
    /// </summary>
    private static IEnumerable<(string Input, string Json)> OddStrings(IOpenApiSchema schema)
    {
        var resolved = Resolve(schema);
        if (KindOf(resolved) != JsonSchemaType.Object || resolved!.Required is not { Count: > 0 } required)
        {
            yield break;
        }

        yield return ("unknown fields only", "{\"unexpected\":1,\"__proto__\":{\"isAdmin\":true},\"constructor\":{\"prototype\":{}}}");
        foreach (var (name, property) in resolved.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var kind = Resolve(property);
            if (kind is null || KindOf(kind) != JsonSchemaType.String || kind.Format is not null || !required.Any(r => r != name))
            {
                continue;
            }

            var huge = new string('a', kind.MaxLength is { } max ? max + 1 : 100_000);
            foreach (var (input, value) in new[]
                     {
                         ("empty", "\"\""),
                         ("huge", $"\"{huge}\""),
                         ("NUL, RTL, Arabic, emoji", "\"\\u0000\\u202e\\u200f\\u0639\\u0631\\u0628\\u064a \\ud83d\\udc4d\""),
                         ("lone surrogate", "\"\\ud800\""),
                     })
            {
                yield return ($"{input} string at $.{name}", $"{{\"{name}\":{value},\"unexpected\":{value}}}");
            }
        }
    }

    private static string ValidValue(IOpenApiSchema? schema) => KindOf(Resolve(schema)) switch
    {
        JsonSchemaType.Integer or JsonSchemaType.Number => "1",
        _ => Guid.NewGuid().ToString(),
    };

    /// <summary>The schema itself, or for a nullable one (<c>oneOf: [null, T]</c>) the non-null alternative.</summary>
    private static IOpenApiSchema? Resolve(IOpenApiSchema? schema) =>
        schema is null || schema.Type is not null || schema.Properties is { Count: > 0 }
            ? schema
            : Resolve((schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []).FirstOrDefault(s => s.Type != JsonSchemaType.Null));

    /// <summary>
    /// One kind per schema. ASP.NET Core types a number as <c>["integer", "string"]</c> (numbers may come as strings), so the
    /// number flags are checked before the string flag.
    /// </summary>
    private static JsonSchemaType? KindOf(IOpenApiSchema? schema)
    {
        if (schema?.Type is not { } type)
        {
            return schema?.Properties is { Count: > 0 } ? JsonSchemaType.Object : null;
        }

        JsonSchemaType[] order = [JsonSchemaType.Array, JsonSchemaType.Object, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean, JsonSchemaType.String];
        return order.FirstOrDefault(kind => type.HasFlag(kind)) is var kind && kind != default ? kind : null;
    }

    private static string Cut(string value) => value.Length <= 40 ? value : $"{value[..40]}… ({value.Length} chars)";
}
