using AspireMsa.EventBus.DeadLetters;
using AspireMsa.EventBus.Outbox.Parked;
using AspireMsa.Ordering.Api.Apis;
using AspireMsa.Ordering.Api.Extensions;
using AspireMsa.ServiceDefaults.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapOrdersApi();
app.MapDeadLetterApi(OrdersApi.AdminRoutePrefix, OrderingServiceExtensions.AdminRole).RequireAuthorization(ApiPolicies.OrderingAdmin);
app.MapParkedOutboxApi(OrdersApi.AdminRoutePrefix, OrderingServiceExtensions.AdminRole).RequireAuthorization(ApiPolicies.OrderingAdmin);

app.Run();
