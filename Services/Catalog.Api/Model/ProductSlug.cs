using System.Text;

namespace AspireMsa.Catalog.Api.Model;

public static class ProductSlug
{
    /// <summary>
    /// The name's letters and digits in lower case, every other run of characters one hyphen. Accented letters are kept
    /// (an IRI path segment allows them): the services run with invariant globalization, so there is no ICU to strip them.
    /// </summary>
    public static string From(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            if (char.IsLetterOrDigit(character))
            {
                slug.Append(char.ToLowerInvariant(character));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
