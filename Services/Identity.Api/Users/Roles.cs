namespace AspireMsa.Identity.Api.Users;

/// <summary>The roles every service authorizes against; they travel in the access token's <c>role</c> claim.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<string> All = [Customer, Admin, Analyst];
}
