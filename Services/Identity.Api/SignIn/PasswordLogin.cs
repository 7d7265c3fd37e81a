using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AspireMsa.Identity.Api.SignIn;

/// <summary>
/// The one password check of the token endpoint and the login form: throttled per user name, the same cost for unknown
/// names, and a lockout that expires only as the backstop (Identity's own lockout counter never decays, so one wrong
/// attempt a minute would keep an account locked for ever; it is not used).
/// </summary>
public sealed class PasswordLogin(
    SignInManager<IdentityUser> signIn,
    LoginThrottle throttle,
    UnknownUserPasswordCheck unknownUser,
    TimeProvider clock,
    IOptions<LoginThrottleOptions> options)
{
    public async Task<PasswordLoginResult> CheckAsync(string userName, string password, CancellationToken ct)
    {
        var users = signIn.UserManager;
        var name = users.NormalizeName(userName) ?? string.Empty;
        var attempt = await throttle.BeginAsync(name, ct);
        if (!attempt.IsAllowed)
        {
            return new PasswordLoginResult(null, attempt.RetryAfter);
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            unknownUser.Verify(password);
            return new PasswordLoginResult(null, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(name, ct);
            return new PasswordLoginResult(user, null);
        }

        if (attempt.ReachesLockout && !result.IsLockedOut)
        {
            await users.SetLockoutEndDateAsync(user, clock.GetUtcNow() + options.Value.LockoutDuration);
        }

        return new PasswordLoginResult(null, null);
    }
}
