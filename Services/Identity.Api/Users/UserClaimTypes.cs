namespace AspireMsa.Identity.Api.Users;

/// <summary>Claims an account carries besides its roles; each reaches the access token, where an API reads it.</summary>
public static class UserClaimTypes
{
    /// <summary>The product category a category manager manages: analytics limits their grant to its rows.</summary>
    public const string Category = "category";
}
