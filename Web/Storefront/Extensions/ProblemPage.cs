using System.Globalization;

namespace AspireMsa.Storefront.Extensions;

/// <summary>Where the storefront renders the page for an HTTP status (<c>Components/Pages/Problem.razor</c>).</summary>
public static class ProblemPage
{
    public const string PathTemplate = "/problem/{0}";

    public static string Path(int statusCode) => string.Format(CultureInfo.InvariantCulture, PathTemplate, statusCode);
}
