using AspireMsa.Storefront.Admin;
using AspireMsa.Storefront.Authentication;
using AspireMsa.Storefront.Cart;
using AspireMsa.Storefront.Components;
using AspireMsa.Storefront.Extensions;
using AspireMsa.Storefront.Orders;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayForwardedHeaders();
builder.AddStorefrontServices();
builder.AddStorefrontAuthentication();
builder.AddOrderStatusPush();

var app = builder.Build();

// First, so sign-in redirects and cookies see the gateway's public scheme and host.
app.UseForwardedHeaders();
app.UseServiceDefaults();
app.UseStorefrontPages();
app.UseAuthentication();
app.UseAuthorization();
app.UseSession();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapSignInApi();
app.MapCartApi();
app.MapOrderEventsApi();
app.MapAdminActionsApi();
app.MapRazorComponents<App>();

app.Run();
