using AspireMsa.Identity.Api.Keys;
using AspireMsa.Identity.Api.SignIn;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using AspNetIdentityDbContext = Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<
    Microsoft.AspNetCore.Identity.IdentityUser, Microsoft.AspNetCore.Identity.IdentityRole, string>;

namespace AspireMsa.Identity.Api.Infrastructure;

/// <summary>
/// The one database of the identity service: ASP.NET Core Identity's users and roles, OpenIddict's clients, scopes,
/// authorizations and tokens, the token signing/encryption keys, the DataProtection key ring that protects them, and the
/// per-user-name login throttle.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : AspNetIdentityDbContext(options), IDataProtectionKeyContext
{
    public DbSet<TokenKey> TokenKeys => Set<TokenKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<LoginThrottleEntry> LoginThrottle => Set<LoginThrottleEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // In the model rather than in the context options, so the design-time factory builds the very same schema.
        builder.UseOpenIddict();

        var key = builder.Entity<TokenKey>();
        key.ToTable("token_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Use).HasConversion<string>().HasMaxLength(TokenKey.UseMaxLength);
        key.Property(k => k.KeyId).HasMaxLength(TokenKey.KeyIdMaxLength);
        key.HasIndex(k => k.KeyId).IsUnique();
        key.HasIndex(k => new { k.Use, k.RetiredAt, k.NotBefore });

        var throttle = builder.Entity<LoginThrottleEntry>();
        throttle.ToTable("login_throttle");
        throttle.HasKey(e => e.UserName);
        throttle.Property(e => e.UserName).HasMaxLength(LoginThrottleEntry.UserNameMaxLength);
        throttle.HasIndex(e => e.UpdatedAt);
    }
}
