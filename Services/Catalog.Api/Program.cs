using AspireMsa.Catalog.Api.Apis;
using AspireMsa.Catalog.Api.Extensions;
using AspireMsa.EventBus.Outbox.Parked;
using AspireMsa.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapProductsApi();
app.MapReadModelAdminApi();
app.MapFaultInjectionApi("/api/catalog/admin", CatalogServiceExtensions.AdminRole);
app.MapParkedOutboxApi("/api/catalog/admin", CatalogServiceExtensions.AdminRole).RequireAuthorization(ApiPolicies.CatalogAdmin);

app.Run();
