using AspireMsa.Identity.Api.Clients;
using AspireMsa.Identity.Api.SignIn;
using AspireMsa.Identity.Api.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace AspireMsa.Identity.Api.Apis;

/// <summary>What the token endpoint needs, bundled so its handler signature stays short.</summary>
public sealed record ExchangeServices(
    SignInManager<IdentityUser> SignIn,
    IOpenIddictApplicationManager Applications,
    TokenPrincipalFactory Principals,
    PasswordLogin Passwords,
    IOptions<ClientOptions> Clients);
