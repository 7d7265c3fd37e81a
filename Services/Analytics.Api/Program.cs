using AspireMsa.Analytics.Api.Apis;
using AspireMsa.Analytics.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapJobRunsApi();
app.MapReportsApi();
app.MapQueryApi();

app.Run();
