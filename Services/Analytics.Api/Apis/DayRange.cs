namespace AspireMsa.Analytics.Api.Apis;

/// <summary>A range of UTC days, both ends included, checked the same way wherever the API takes one.</summary>
public static class DayRange
{
    /// <summary>
    /// The problems with the range, by field, for a validation problem; none when it is good. <paramref name="latest"/>,
    /// when given, is the last day the range may reach (today, for work that needs the day's events to have happened).
    /// </summary>
    public static Dictionary<string, string[]> Problems(DateOnly from, DateOnly to, int maxDays, DateOnly? latest = null)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (from > to)
        {
            problems["from"] = [$"'from' ({from:O}) is after 'to' ({to:O})."];
        }
        else if (to.DayNumber - from.DayNumber + 1 > maxDays)
        {
            problems["to"] = [$"The range has {to.DayNumber - from.DayNumber + 1} days; at most {maxDays} are allowed."];
        }

        if (latest is { } last && to > last)
        {
            problems["to"] = [.. problems.GetValueOrDefault("to", []), $"'to' ({to:O}) is in the future; the last day allowed is {last:O} (UTC)."];
        }

        return problems;
    }
}
