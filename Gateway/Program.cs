using AspireMsa.Gateway.ApiPortal;
using AspireMsa.Gateway.Bff;
using AspireMsa.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();
builder.AddBff();
builder.AddApiPortal();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseGatewayPipeline();
app.MapBffApi();
app.MapApiPortal();
app.MapReverseProxy();

app.Run();
