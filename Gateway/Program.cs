using AspireMsa.Gateway.Alerts;
using AspireMsa.Gateway.ApiPortal;
using AspireMsa.Gateway.Bff;
using AspireMsa.Gateway.Canary;
using AspireMsa.Gateway.Downstream;
using AspireMsa.Gateway.Extensions;
using AspireMsa.Gateway.Hub;
using AspireMsa.Gateway.PublicAddress;
using AspireMsa.Gateway.Resilience;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPublicAddress();
builder.AddGatewayServices();
builder.AddCanaryReleases();
builder.AddGatewayResilience();
builder.AddBff();
builder.AddApiPortal();
builder.AddCapabilityHub();
builder.AddAlerts();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.UseGatewayPipeline();
app.MapBffApi();
app.MapApiPortal();
app.MapCapabilityHub();
app.MapCanaryAdminApi();
app.MapAlertsApi();
app.MapUnknownApiPaths();
app.MapGatewayProxy();

app.Run();
