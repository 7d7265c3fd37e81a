using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AspireMsa.AppHost;

/// <summary>
/// How the AppHost hosts the gateway (<c>Gateway</c> in its settings). Read and checked while the application model is
/// built, before any host starts, because the endpoint is declared with the port: a bad value stops the AppHost at once.
/// </summary>
public sealed class GatewayHostingOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The gateway's stable public port in run mode; 0 lets the orchestrator pick a free one (tests do).</summary>
    [Range(0, 65535, ErrorMessage = "Gateway:HttpPort must be a port number from 1 to 65535, or 0 for any free port.")]
    public int HttpPort { get; set; }

    /// <summary>The port to declare, or null to let the orchestrator choose.</summary>
    public int? FixedHttpPort => HttpPort > 0 ? HttpPort : null;

    /// <exception cref="OptionsValidationException">A value is out of range or not a number; the message names the key.</exception>
    public static GatewayHostingOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        GatewayHostingOptions options;
        try
        {
            options = configuration.GetSection(SectionName).Get<GatewayHostingOptions>() ?? new();
        }
        catch (InvalidOperationException exception)
        {
            throw Invalid($"Gateway:HttpPort must be a whole number; '{configuration[$"{SectionName}:{nameof(HttpPort)}"]}' is not ({exception.Message})");
        }

        var errors = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true)
            ? options
            : throw Invalid(string.Join(" ", errors.Select(error => error.ErrorMessage)));
    }

    private static OptionsValidationException Invalid(string message) =>
        new(SectionName, typeof(GatewayHostingOptions), [message]);
}
