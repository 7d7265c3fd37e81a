namespace AspireMsa.AppHost;

public static class MessagingCommandsExtensions
{
    public const string ListDeadLettersCommand = "list-dead-letters";
    public const string ReplayDeadLettersCommand = "replay-dead-letters";
    public const string ListParkedOutboxCommand = "list-parked-outbox";
    public const string ReplayParkedOutboxCommand = "replay-parked-outbox";

    /// <summary>
    /// Dashboard commands on a service that consumes events: show the messages in its dead-letter queue (why each failed,
    /// and its body) and send them all back to its queue once the cause is fixed. Both answer with the endpoint's JSON.
    /// </summary>
    /// <param name="adminPrefix">The service's admin path, e.g. <c>/api/orders/admin</c>.</param>
    public static IResourceBuilder<ProjectResource> WithDeadLetterCommands(this IResourceBuilder<ProjectResource> service, string adminPrefix, OperatorAccess operatorAccess) =>
        service
            .WithHttpCommand($"{adminPrefix}/dead-letters", "Dead letters", endpointName: "http", commandName: ListDeadLettersCommand,
                commandOptions: operatorAccess.AdminCommand(
                    HttpMethod.Get,
                    "The messages this service gave up on, with the reason and the number of attempts.",
                    iconName: "MailWarning"))
            .WithHttpCommand($"{adminPrefix}/dead-letters/replay", "Replay dead letters", endpointName: "http", commandName: ReplayDeadLettersCommand,
                commandOptions: operatorAccess.AdminCommand(
                    HttpMethod.Post,
                    "Sends every dead-lettered message back to this service's queue with a fresh attempt count.",
                    iconName: "MailArrowUp",
                    confirmationMessage: "Send every dead-lettered message back to the queue? Do it once the cause is fixed."));

    /// <summary>
    /// Dashboard commands for the outbox rows the relay parked after too many failed publishes: list them (type, attempts,
    /// payload), and hand them back to the relay with a fresh attempt count once the cause is fixed.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithParkedOutboxCommands(this IResourceBuilder<ProjectResource> service, string adminPrefix, OperatorAccess operatorAccess) =>
        service
            .WithHttpCommand($"{adminPrefix}/outbox/parked", "Parked outbox", endpointName: "http", commandName: ListParkedOutboxCommand,
                commandOptions: operatorAccess.AdminCommand(
                    HttpMethod.Get,
                    "Events this service could not publish after the maximum number of attempts.",
                    iconName: "MailPause"))
            .WithHttpCommand($"{adminPrefix}/outbox/parked/replay", "Replay parked outbox", endpointName: "http", commandName: ReplayParkedOutboxCommand,
                commandOptions: operatorAccess.AdminCommand(
                    HttpMethod.Post,
                    "Hands every parked outbox row back to the relay with a fresh attempt count.",
                    iconName: "ArrowClockwise",
                    confirmationMessage: "Publish every parked outbox row again? Do it once the cause is fixed."));
}
