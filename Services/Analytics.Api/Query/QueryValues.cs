using System.Collections;
using System.Globalization;
using System.Numerics;

namespace AspireMsa.Analytics.Api.Query;

/// <summary>DuckDB's values as JSON can carry them: numbers, strings, booleans, dates as ISO text, lists and structs nested.</summary>
public static class QueryValues
{
    public static object? ToJson(object? value) => value switch
    {
        null or DBNull => null,
        string or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal => value,
        // HUGEINT: a number while decimal holds it (sums of BIGINT do), its digits otherwise.
        BigInteger big => big >= (BigInteger)decimal.MinValue && big <= (BigInteger)decimal.MaxValue ? (decimal)big : big.ToString(CultureInfo.InvariantCulture),
        DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid => value,
        byte[] bytes => Convert.ToBase64String(bytes),
        Stream stream => ReadAll(stream),
        IDictionary dictionary => dictionary.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture)!, k => ToJson(dictionary[k])),
        IEnumerable list => list.Cast<object?>().Select(ToJson).ToList(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Convert.ToBase64String(copy.ToArray());
    }
}
