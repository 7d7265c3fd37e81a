namespace AspireMsa.IntegrationTests;

/// <summary>
/// A test class that reads its system as it started, untouched: it runs before every other class of its collection
/// (<see cref="IntegrationTestFramework"/>), so fault tests may share the system after it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ChecksAFreshSystemAttribute : Attribute;
