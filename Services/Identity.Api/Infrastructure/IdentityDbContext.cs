using AspireMsa.Identity.Api.Keys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using AspNetIdentityDbContext = Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<
    Microsoft.AspNetCore.Identity.IdentityUser, Microsoft.AspNetCore.Identity.IdentityRole, string>;

namespace AspireMsa.Identity.Api.Infrastructure;

/// <summary>
/// The one database of the identity service: ASP.NET Core Identity's users and roles, OpenIddict's clients, scopes,
/// authorizations and tokens, the token signing/encryption keys and the DataProtection key ring that protects them.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : AspNetIdentityDbContext(options), IDataProtectionKeyContext
{
    public DbSet<TokenKey> TokenKeys => Set<TokenKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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
    }
}
