namespace AspireMsa.Identity.Api.Users;

/// <summary>The roles every service authorizes against; they travel in the access token's <c>role</c> claim.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string CategoryManager = "category-manager";

    /// <summary>May pin a canary version (<c>X-Canary</c>) at the gateway.</summary>
    public const string Tester = "tester";

    public static readonly IReadOnlyList<string> All = [Customer, Admin, Analyst, CategoryManager, Tester];
}
