using System.ComponentModel;

namespace AspireMsa.Catalog.Api.ReadModel;

/// <summary>A read's answer and where it came from.</summary>
/// <remarks>Immutable, so the single-flight hands the one loaded result to every waiting caller without copying it.</remarks>
[ImmutableObject(true)]
public sealed record ReadResult<T>(T Value, ReadSource Source);
