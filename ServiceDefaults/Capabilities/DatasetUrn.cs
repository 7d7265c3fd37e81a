namespace AspireMsa.ServiceDefaults.Capabilities;

/// <summary>
/// DataHub's dataset URN, <c>urn:li:dataset:(urn:li:dataPlatform:&lt;platform&gt;,&lt;name&gt;,&lt;fabric&gt;)</c>, so each
/// dataset has one id across the services that produce and read it. The fabric is always PROD: a dataset's identity does
/// not change with the environment the system runs in.
/// </summary>
public static class DatasetUrn
{
    public const string Postgres = "postgres";
    public const string RabbitMq = "rabbitmq";
    public const string Lake = "file";
    public const string DuckDb = "duckdb";

    public static string For(string platform, string name) => $"urn:li:dataset:(urn:li:dataPlatform:{platform},{name},PROD)";

    /// <summary>An integration event as a dataset: its messages on the events exchange, named by their routing key.</summary>
    public static string ForEvent(string eventType) => For(RabbitMq, EventName(eventType));

    public static string EventName(string eventType) => $"aspiremsa.events.{eventType}";
}
