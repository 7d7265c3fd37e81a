using AspireMsa.Identity.Api.Apis;
using AspireMsa.Identity.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddTokenPruning();

var app = builder.Build();

// First, so every later step (issuer, redirects, cookies) sees the gateway's public scheme, host and prefix.
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapConnectApi();
app.MapAccountApi();
app.MapMeApi();
app.MapKeysApi();

app.Run();
