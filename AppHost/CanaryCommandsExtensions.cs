using System.Net.Http.Json;

namespace AspireMsa.AppHost;

public static class CanaryCommandsExtensions
{
    public const string SetCanaryWeightCommand = "set-canary-weight";
    public const string RollBackCanaryCommand = "roll-back-canary";
    public const string CanaryWeightArgument = "canaryWeight";

    private const string CanaryAdminPath = "/api/gateway/admin/canary";

    /// <summary>
    /// Dashboard commands on the gateway: set a release's canary weight (asks for it) and roll the canary back to 0. They
    /// call the gateway's admin API as the operator, and the change reaches every gateway replica through Redis.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithCanaryCommands(
        this IResourceBuilder<ProjectResource> gateway, string release, OperatorAccess operatorAccess) =>
        gateway
            .WithHttpCommand($"{CanaryAdminPath}/{release}", "Set canary weight", endpointName: "http", commandName: SetCanaryWeightCommand,
                commandOptions: new HttpCommandOptions
                {
                    Method = HttpMethod.Put,
                    Description = $"Sets the share of {release} traffic sent to its canary version, 0 to 100; every gateway replica follows.",
                    IconName = "ArrowSplit",
                    Arguments =
                    [
                        new InteractionInput
                        {
                            Name = CanaryWeightArgument,
                            Label = "Canary weight (%)",
                            InputType = InputType.Number,
                            Required = true,
                            Placeholder = "10",
                        },
                    ],
                    PrepareRequest = context => PrepareAsync(context, operatorAccess, context.Arguments?.GetString(CanaryWeightArgument)),
                    ResultMode = HttpCommandResultMode.Json,
                })
            .WithHttpCommand($"{CanaryAdminPath}/{release}", "Roll back canary", endpointName: "http", commandName: RollBackCanaryCommand,
                commandOptions: new HttpCommandOptions
                {
                    Method = HttpMethod.Put,
                    Description = $"Sends all {release} traffic to the stable version (canary weight 0).",
                    ConfirmationMessage = $"Send all {release} traffic to the stable version?",
                    IconName = "ArrowUndo",
                    PrepareRequest = context => PrepareAsync(context, operatorAccess, "0"),
                    ResultMode = HttpCommandResultMode.Json,
                });

    private static async Task PrepareAsync(HttpCommandRequestContext context, OperatorAccess operatorAccess, string? weight)
    {
        if (!int.TryParse(weight, out var canaryWeight))
        {
            throw new ArgumentException($"The canary weight must be a whole number from 0 to 100, not '{weight}'.");
        }

        await operatorAccess.AuthorizeAsync(context);
        context.Request.Content = JsonContent.Create(new { canaryWeight });
    }
}
