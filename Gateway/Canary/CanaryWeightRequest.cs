namespace AspireMsa.Gateway.Canary;

/// <param name="CanaryWeight">The canary version's share of weighted traffic, 0 (rolled back) to 100 (promoted).</param>
public sealed record CanaryWeightRequest(int CanaryWeight);
