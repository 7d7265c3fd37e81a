using AspireMsa.AppHost;
using AspireMsa.AppHost.BackingServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// Backing services: containers where a runtime answers, OS-package processes otherwise (BackingServices:Mode).
var backing = BackingServiceFactory.Create(builder);
var postgres = backing.AddPostgres("postgres");
var identityDb = postgres.AddDatabase("identitydb");
var catalogDb = postgres.AddDatabase("catalogdb");
var orderingDb = postgres.AddDatabase("orderingdb");
var inventoryDb = postgres.AddDatabase("inventorydb");
var redis = backing.AddRedis("redis");
var rabbitmq = backing.AddRabbitMQ("rabbitmq");

// Generated once and kept in the AppHost's user secrets; the dashboard shows them under Parameters. The admin has a
// password of its own; the demo users (and their password-grant client) exist only where DemoUsers:Enabled is true,
// by default in Development. The key-encryption key protects identity's key ring and is never stored in its database.
var demoUserPassword = builder.AddParameter(
    "demo-user-password", new GenerateParameterDefault { MinLength = 16, Special = false }, secret: true, persist: true);
var adminPassword = builder.AddParameter(
    "admin-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
var identityKeyEncryptionKey = builder.AddParameter(
    "identity-key-encryption-key", new GenerateParameterDefault { MinLength = 43, Special = false }, secret: true, persist: true);
var demoUsersEnabled = builder.Configuration.GetValue<bool?>("DemoUsers:Enabled") ?? builder.Environment.IsDevelopment();

// The single entry point, on a stable URL in run mode (Gateway:HttpPort, 5080 by default); published, on the platform's
// ingress (Azure Container Apps maps an external http endpoint to 80/443 only). Two stateless replicas behind one
// address: the key ring and rate-limit counters live in Redis, so neither replica is a single point of failure.
var gatewayHosting = GatewayHostingOptions.Read(builder.Configuration);
var gatewayPort = builder.ExecutionContext.IsRunMode ? gatewayHosting.FixedHttpPort : null;
var gateway = builder.AddProject<Projects.Gateway>("gateway", options => options.ExcludeLaunchProfile = true)
    .WithHttpEndpoint(port: gatewayPort, name: "http")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints()
    // After the public endpoint is made external: metrics and detailed health stay internal.
    .WithManagementEndpoint()
    .WithReplicas(2)
    .WithDependency(redis);
var publicUrl = gateway.GetEndpoint("http");
gateway.WithPublicAddress(publicUrl, backing.ContainerHostName);
// Dashboard commands call admin endpoints as the admin, through the same authorization as any operator.
var operatorAccess = new OperatorAccess(publicUrl, adminPassword);
gateway.WithCanaryCommands("catalog", operatorAccess);

// Operators tune the gateway from the AppHost's settings (e.g. Gateway:Settings:RateLimiting:PerUser:PermitLimit).
foreach (var (key, value) in builder.Configuration.GetSection("Gateway:Settings").AsEnumerable(makePathsRelative: true))
{
    if (value is not null)
    {
        gateway.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
    }
}

// Business services: one database each (1 service – 1 data source).
var identity = builder.AddService<Projects.Identity_Api>("identity")
    .WithDependency(identityDb)
    .WithEnvironment("AdminAccount__Password", adminPassword)
    .WithEnvironment("DemoUsers__Enabled", demoUsersEnabled.ToString())
    .WithEnvironment("DemoUsers__Password", demoUserPassword)
    .WithEnvironment("DataProtection__KeyEncryptionKey", identityKeyEncryptionKey)
    .WithEnvironment("Tokens__Issuer", publicUrl)
    .WithGatewayAsTrustedProxy();

// Two versions of the catalog side by side, from the same code, on the same database, read model and events; the gateway
// splits traffic between them by weight (canary) and pins callers by header, user or cookie (A/B).
var catalogV1 = AddCatalogVersion("catalog-v1", "v1").WithReadModelCommands(operatorAccess)
    .WithParkedOutboxCommands("/api/catalog/admin", operatorAccess);
var catalogV2 = AddCatalogVersion("catalog-v2", "v2");

var ordering = builder.AddService<Projects.Ordering_Api>("ordering")
    .WithDependency(orderingDb)
    .WithDependency(rabbitmq)
    .WithDeadLetterCommands("/api/orders/admin", operatorAccess)
    .WithParkedOutboxCommands("/api/orders/admin", operatorAccess);

var inventory = builder.AddService<Projects.Inventory_Api>("inventory")
    .WithDependency(inventoryDb)
    .WithDependency(rabbitmq)
    .WithReplicas(2)
    .WithDeadLetterCommands("/api/inventory/admin", operatorAccess)
    .WithParkedOutboxCommands("/api/inventory/admin", operatorAccess);

// The gateway's one list of the services behind it: each API, its versions and the token audience it accepts.
gateway.WithDownstream(identity, api: "identity")
    .WithDownstream(catalogV1, api: "catalog", version: "v1", audience: "catalog")
    .WithDownstream(catalogV2, api: "catalog", version: "v2", audience: "catalog")
    .WithDownstream(ordering, api: "ordering", audience: "ordering")
    .WithDownstream(inventory, api: "inventory", audience: "inventory");

// The gateway checks every token, and each API checks it again (defense in depth), against the issuer published at the gateway.
foreach (var api in new[] { gateway, identity, catalogV1, catalogV2, ordering, inventory })
{
    api.WithEnvironment("Identity__Issuer", publicUrl);
}

// Services fetch the token server's signing keys from it directly, by its discovery name.
foreach (var api in new[] { catalogV1, catalogV2, ordering, inventory })
{
    api.WithReference(identity);
}

// Dashboard links from each resource to its API reference in the gateway's portal and to its docs page.
gateway.WithUrl(ReferenceExpression.Create($"{publicUrl}/docs"), "API portal").WithDocsLink("traffic-split.md").WithHealthSweepCommand();
identity.WithApiReferenceLink(publicUrl, "identity").WithDocsLink("gateway-security.md");
catalogV1.WithApiReferenceLink(publicUrl, "catalog").WithDocsLink("catalog-read-model.md");
catalogV2.WithApiReferenceLink(publicUrl, "catalog").WithDocsLink("traffic-split.md");
ordering.WithApiReferenceLink(publicUrl, "ordering").WithDocsLink("messaging.md");
inventory.WithApiReferenceLink(publicUrl, "inventory").WithDocsLink("messaging.md");

// The web front end, served through the gateway at "/", an optional capability (Capabilities:Storefront:Enabled, on by
// default): without it the system serves its APIs as before. It signs users in at the token server (through the gateway)
// as a confidential client and calls only the gateway's API and BFF routes. Two replicas share sessions, carts and
// sign-in tickets in Redis, and relay order status changes from the broker to every replica through Redis pub/sub.
if (builder.Configuration.GetValue("Capabilities:Storefront:Enabled", true))
{
    var storefrontClientSecret = builder.AddParameter(
        "storefront-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
    identity.WithEnvironment("Clients__Storefront__Secret", storefrontClientSecret)
        .WithEnvironment("Clients__Storefront__RedirectUris__0", ReferenceExpression.Create($"{publicUrl}/signin-oidc"))
        .WithEnvironment("Clients__Storefront__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{publicUrl}/signout-callback-oidc"));

    var storefront = builder.AddService<Projects.Storefront>("storefront")
        .WithDependency(redis)
        .WithDependency(rabbitmq)
        .WithReference(gateway)
        .WithEnvironment("Identity__Issuer", publicUrl)
        .WithEnvironment("Oidc__ClientSecret", storefrontClientSecret)
        .WithGatewayAsTrustedProxy()
        .WithReplicas(2);
    gateway.WithDownstream(storefront, api: "storefront", openApiPath: null);
    storefront.WithUrl(ReferenceExpression.Create($"{publicUrl}/"), "Store").WithDocsLink("storefront.md");
}

// Analytics, an optional capability (Capabilities:Analytics:Enabled, on by default): its own database, fed only by the
// events on the broker, which it lands and compacts into a Parquet lake and builds a DuckDB warehouse from, with scheduled
// jobs (Hangfire, stored in its database). In run mode the lake (and the warehouse in it) is a folder of the run's data;
// published, the service's own default.
if (builder.Configuration.GetValue("Capabilities:Analytics:Enabled", true))
{
    var analyticsDb = postgres.AddDatabase("analyticsdb");
    // The warehouse's buyers are keyed by an HMAC under this secret, never by their ids (pseudonymisation).
    var analyticsCustomerKey = builder.AddParameter(
        "analytics-customer-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
    var analytics = builder.AddService<Projects.Analytics_Api>("analytics")
        .WithDependency(analyticsDb)
        .WithDependency(rabbitmq)
        .WithReference(identity)
        // Product names and categories for the warehouse, from the catalog's public API, as any client reads them.
        .WithReference(gateway)
        .WithEnvironment("Identity__Issuer", publicUrl)
        .WithEnvironment("Analytics__Warehouse__CustomerKey", analyticsCustomerKey);
    if (builder.ExecutionContext.IsRunMode)
    {
        analytics.WithEnvironment("Analytics__LakeRoot", backing.DataDirectoryFor("analytics-lake"));
    }

    gateway.WithDownstream(analytics, api: "analytics", audience: "analytics");
    analytics.WithApiReferenceLink(publicUrl, "analytics").WithDocsLink("analytics.md");
}

// The legacy XML interface at /legacy/*, an optional capability (Capabilities:Legacy:Enabled, on by default): an
// anti-corruption layer that translates the old order interface into the new APIs, called through the gateway like any
// client. The legacy client authenticates with an API key; the adapter's confidential client gets tokens from identity
// for the one customer account configured for it (Legacy:CustomerAccount in appsettings.json, the demo customer bob), so every
// check of the new APIs applies. Its own database holds only which new order each legacy order number placed.
if (builder.Configuration.GetValue("Capabilities:Legacy:Enabled", true))
{
    var legacyDb = postgres.AddDatabase("legacydb");
    var legacyApiKey = builder.AddParameter(
        "legacy-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
    var legacyClientSecret = builder.AddParameter(
        "legacy-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
    identity.WithEnvironment("Clients__LegacyAdapter__Secret", legacyClientSecret)
        .WithEnvironment("Clients__LegacyAdapter__Account", builder.Configuration["Legacy:CustomerAccount"]
            ?? throw new InvalidOperationException("Legacy:CustomerAccount must name the customer account legacy orders are placed as."));

    var legacyAdapter = builder.AddService<Projects.LegacyAdapter_Api>("legacy-adapter")
        .WithDependency(legacyDb)
        .WithReference(gateway)
        .WithEnvironment("LegacyAdapter__ApiKey", legacyApiKey)
        .WithEnvironment("LegacyAdapter__ClientSecret", legacyClientSecret);
    gateway.WithDownstream(legacyAdapter, api: "legacy");
    legacyAdapter.WithApiReferenceLink(publicUrl, "legacy").WithDocsLink("legacy-integration.md");
}

// A stocked store on first run: in Development, unless DemoData:Enabled is false, a one-shot operator signs in as the
// admin and loads products and their stock through the gateway's public APIs, then finishes (the dashboard shows it run
// and finish, and its trace shows each call). It never touches a database; a resource that needs the data would wait
// for it with WaitForCompletion(demoData).
if (builder.ExecutionContext.IsRunMode && builder.Environment.IsDevelopment() && builder.Configuration.GetValue("DemoData:Enabled", true))
{
    builder.AddProject<Projects.DemoData>("demo-data", options => options.ExcludeLaunchProfile = true)
        .WithReference(gateway).WaitFor(gateway)
        .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
        .WithEnvironment("DemoData__AdminPassword", adminPassword)
        .WithDocsLink("running.md");
}

// Monitoring, in run mode (in Azure, Azure Monitor takes its place): Prometheus scrapes every replica's /metrics and
// evaluates Monitoring/alert-rules.yml; Alertmanager posts the alerts to the gateway with a secret generated per run.
if (builder.ExecutionContext.IsRunMode)
{
    var alertWebhookSecret = builder.AddParameter("alert-webhook-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
    gateway.WithEnvironment("Alerts__WebhookSecret", alertWebhookSecret);
    var alertmanager = backing.AddAlertmanager("alertmanager", publicUrl, "/api/alerts/webhook", alertWebhookSecret).WithDocsLink("telemetry.md");
    backing.AddPrometheus("prometheus", alertmanager).WithDocsLink("telemetry.md");
}

builder.Build().Run();

IResourceBuilder<ProjectResource> AddCatalogVersion(string name, string version) =>
    builder.AddService<Projects.Catalog_Api>(name)
        .WithEnvironment("Catalog__ApiVersion", version)
        .WithEnvironment("FaultInjection__Enabled", builder.Environment.IsDevelopment().ToString())
        .WithDependency(catalogDb)
        .WithDependency(redis)
        .WithDependency(rabbitmq);
