using System.ComponentModel.DataAnnotations;
using AspireMsa.Catalog.Api.ReadModel;

namespace AspireMsa.UnitTests;

/// <summary>Every number of the read model is validated when the catalog starts; a bad one stops it with a clear message.</summary>
public class ReadModelOptionsTests
{
    [Fact]
    public void TheDefaults_AreValid()
    {
        Assert.Empty(Validate(new ReadModelOptions()));
    }

    [Fact]
    public void ABreakerRatioAboveOne_IsRejected()
    {
        Assert.Contains(nameof(ReadModelOptions.BreakerFailureRatio), Validate(new ReadModelOptions { BreakerFailureRatio = 1.5 }));
    }

    [Fact]
    public void ABreakShorterThanPollyAllows_IsRejected()
    {
        Assert.Contains(nameof(ReadModelOptions.BreakerBreakDuration), Validate(new ReadModelOptions { BreakerBreakDuration = TimeSpan.FromMilliseconds(100) }));
    }

    [Fact]
    public void ATombstoneThatOutlivesNoRequest_IsRejected()
    {
        Assert.Contains(nameof(ReadModelOptions.TombstoneTtl), Validate(new ReadModelOptions { TombstoneTtl = TimeSpan.FromSeconds(5) }));
    }

    [Fact]
    public void ARelayBackoffBelowItsInterval_IsRejected()
    {
        var options = new ReadModelOptions { RelayInterval = TimeSpan.FromSeconds(5), RelayMaxBackoff = TimeSpan.FromSeconds(1) };

        Assert.Contains(nameof(ReadModelOptions.RelayMaxBackoff), Validate(options));
    }

    private static List<string> Validate(ReadModelOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.SelectMany(result => result.MemberNames).ToList();
    }
}
