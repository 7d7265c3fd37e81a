using AspireMsa.EventBus.DeadLetters;
using AspireMsa.EventBus.Outbox.Parked;
using AspireMsa.Inventory.Api.Apis;
using AspireMsa.Inventory.Api.Extensions;
using AspireMsa.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapInventoryApi();
app.MapDeadLetterApi(InventoryApi.AdminRoutePrefix, InventoryServiceExtensions.AdminRole).RequireAuthorization(ApiPolicies.InventoryAdmin);
app.MapParkedOutboxApi(InventoryApi.AdminRoutePrefix, InventoryServiceExtensions.AdminRole).RequireAuthorization(ApiPolicies.InventoryAdmin);

app.Run();
