namespace AspireMsa.Gateway.Canary;

/// <summary>How far the gateway trusts a caller's <c>X-Canary</c> pin: anyone else could steer traffic onto a version.</summary>
public enum CanaryPinTrust
{
    /// <summary>The pin is ignored and the caller is routed by weight.</summary>
    None,

    /// <summary>The <c>tester</c> role: pins a version that takes weighted traffic, never one at weight 0 or rolled back.</summary>
    Tester,

    /// <summary>The <c>admin</c> role: pins any version, also one at weight 0, to inspect it before or after a release.</summary>
    Admin,
}
