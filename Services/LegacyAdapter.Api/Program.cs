using AspireMsa.LegacyAdapter.Api.Apis;
using AspireMsa.LegacyAdapter.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapLegacyApi();

app.Run();
