namespace AspireMsa.AppHost;

public static class MessagingCommandsExtensions
{
    public const string ListDeadLettersCommand = "list-dead-letters";
    public const string ReplayDeadLettersCommand = "replay-dead-letters";

    /// <summary>
    /// Dashboard commands on a service that consumes events: show the messages in its dead-letter queue (why each failed,
    /// and its body) and send them all back to its queue once the cause is fixed. Both answer with the endpoint's JSON.
    /// </summary>
    /// <param name="adminPrefix">The service's admin path, e.g. <c>/api/orders/admin</c>.</param>
    public static IResourceBuilder<ProjectResource> WithDeadLetterCommands(this IResourceBuilder<ProjectResource> service, string adminPrefix, OperatorAccess operatorAccess) =>
        service
            .WithHttpCommand($"{adminPrefix}/dead-letters", "Dead letters", endpointName: "http", commandName: ListDeadLettersCommand,
                commandOptions: new HttpCommandOptions
                {
                    Method = HttpMethod.Get,
                    Description = "The messages this service gave up on, with the reason and the number of attempts.",
                    IconName = "MailWarning",
                    PrepareRequest = operatorAccess.AuthorizeAsync,
                    ResultMode = HttpCommandResultMode.Json,
                })
            .WithHttpCommand($"{adminPrefix}/dead-letters/replay", "Replay dead letters", endpointName: "http", commandName: ReplayDeadLettersCommand,
                commandOptions: new HttpCommandOptions
                {
                    Method = HttpMethod.Post,
                    Description = "Sends every dead-lettered message back to this service's queue with a fresh attempt count.",
                    ConfirmationMessage = "Send every dead-lettered message back to the queue? Do it once the cause is fixed.",
                    IconName = "MailArrowUp",
                    PrepareRequest = operatorAccess.AuthorizeAsync,
                    ResultMode = HttpCommandResultMode.Json,
                });
}
