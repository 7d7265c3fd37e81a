using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The storefront in a real browser against the real system: sign-in through the OIDC code flow, cart and checkout,
/// the live order page, clustered sessions across replicas and the admin area. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class StorefrontTests(SystemFixture system) : IAsyncLifetime
{
    private StorefrontBrowser _browser = null!;

    public async Task InitializeAsync() => _browser = await StorefrontBrowser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ACustomer_SignsIn_AddsTwoProducts_ChecksOut_AndSeesTheOrderConfirmedOnTheLivePage()
    {
        var first = await StockedProductAsync("Trail lantern", 10);
        var second = await StockedProductAsync("Camp kettle", 10);
        var page = await _browser.NewShopperAsync(system.Gateway.BaseAddress!);

        await StorefrontBrowser.SignInAsync(page, "alice", SystemFixture.DemoUserPassword);
        await StorefrontBrowser.ScreenshotAsync(page, "catalog");
        await AddToCartAsync(page, first);
        await AddToCartAsync(page, second);
        await Assertions.Expect(page.GetByTestId("cart-line")).ToHaveCountAsync(2);
        await StorefrontBrowser.ScreenshotAsync(page, "cart");

        await page.GetByTestId("checkout").ClickAsync();
        await page.WaitForURLAsync(OrderPage());
        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Confirmed");
        await StorefrontBrowser.ScreenshotAsync(page, "order-confirmed");

        await page.GotoAsync("/orders");
        await Assertions.Expect(page.GetByTestId("order-row").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnOrderForMoreThanTheStock_IsCancelled_AndThePageSaysWhy()
    {
        var product = await StockedProductAsync("Rare print", 0);
        var page = await _browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "bob", SystemFixture.DemoUserPassword);

        await AddToCartAsync(page, product);
        await page.GetByTestId("checkout").ClickAsync();
        await page.WaitForURLAsync(OrderPage());

        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(page.GetByTestId("order-reason").Last).ToContainTextAsync(new Regex("stock", RegexOptions.IgnoreCase));
        await StorefrontBrowser.ScreenshotAsync(page, "order-cancelled");
    }

    [Fact]
    public async Task APendingOrdersPage_ShowsItsCancellation_PushedWithoutAReload()
    {
        var product = await StockedProductAsync("Slow boat", 5);
        var page = await _browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "alice", SystemFixture.DemoUserPassword);
        await AddToCartAsync(page, product);

        // Inventory frozen: the order stays Pending until its buyer cancels it, which only a push can show this page.
        var inventory = await ServiceProcesses.PidsAsync(system.App, new Dictionary<string, int> { ["inventory"] = 2 });
        var trees = inventory.Values.SelectMany(ServiceProcesses.Tree).ToList();
        ServiceProcesses.SignalQuietly("-STOP", trees);
        try
        {
            await page.GetByTestId("checkout").ClickAsync();
            await page.WaitForURLAsync(OrderPage());
            await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Pending");
            await page.EvaluateAsync("window.__notReloaded = true");

            var orderId = Guid.Parse(OrderPage().Match(page.Url).Groups[1].Value);
            var alice = await system.GatewayAsAsync("alice");
            using var cancel = await alice.PostAsync($"/api/orders/{orderId}/cancel", null);
            Assert.True(cancel.IsSuccessStatusCode, $"Cancelling answered {(int)cancel.StatusCode}.");

            await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Cancelled");
            Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"), "The page was reloaded instead of updated in place.");
        }
        finally
        {
            ServiceProcesses.SignalQuietly("-CONT", trees);
        }
    }

    [Fact]
    public async Task TheSessionAndCart_SurviveStoppingTheStorefrontReplicaThatServedThem()
    {
        var product = await StockedProductAsync("Sturdy bag", 10);
        var page = await _browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "alice", SystemFixture.DemoUserPassword);
        await AddToCartAsync(page, product);

        var served = await page.GotoAsync("/cart");
        var servedBy = served!.Headers["x-storefront-instance"];
        var replicas = await ServiceProcesses.PidsAsync(system.App, new Dictionary<string, int> { ["storefront"] = 2 });
        var replica = replicas.Single(r => ServiceProcesses.Tree(r.Value).Contains(ProcessId(servedBy))).Key;

        var stop = await system.App.ResourceCommands.ExecuteCommandAsync(replica, KnownResourceCommands.StopCommand);
        Assert.True(stop.Success, $"Stopping {replica}: {stop.Message}");
        try
        {
            // The gateway ejects the stopped replica (a failed connection, then its health check); every page after that
            // comes from the other replica, which reads the same ticket and session from Redis.
            IResponse? after = null;
            await OrderSagaDriver.EventuallyAsync(async () =>
            {
                after = await page.GotoAsync("/cart");
                return after is { Ok: true } && after.Headers["x-storefront-instance"] != servedBy;
            }, "the other storefront replica serves the cart");

            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("alice");
            await Assertions.Expect(page.Locator($"[data-testid=cart-line][data-product-id='{product}']")).ToHaveCountAsync(1);
        }
        finally
        {
            var start = await system.App.ResourceCommands.ExecuteCommandAsync(replica, KnownResourceCommands.StartCommand);
            Assert.True(start.Success, $"Starting {replica} again: {start.Message}");
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync("storefront");
        }
    }

    [Fact]
    public async Task ACustomer_GetsTheForbiddenPage_OnTheAdminArea()
    {
        var page = await _browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "bob", SystemFixture.DemoUserPassword);

        var response = await page.GotoAsync("/admin");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("problem-page")).ToContainTextAsync("administrators only");
        await StorefrontBrowser.ScreenshotAsync(page, "admin-forbidden");
    }

    [Fact]
    public async Task TheAdmin_ChangesTheCanaryWeightInTheStore_AndTheGatewaysAdminApiShowsIt()
    {
        var page = await _browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "admin", SystemFixture.AdminPassword);
        var admin = await system.GatewayAsAsync("admin");
        try
        {
            await page.GotoAsync("/admin");
            await page.GetByTestId("canary-weight").FillAsync("35");
            await page.GetByTestId("set-canary-weight").ClickAsync();

            await Assertions.Expect(page.GetByTestId("canary-current-weight")).ToContainTextAsync("35");
            var release = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/gateway/admin/canary/catalog");
            Assert.Equal(35, release.GetProperty("canaryWeight").GetInt32());
            await StorefrontBrowser.ScreenshotAsync(page, "admin");
        }
        finally
        {
            // The shared system's other tests expect every catalog call on v1.
            using var reset = await admin.PutAsJsonAsync("/api/gateway/admin/canary/catalog", new { canaryWeight = 0 });
            Assert.True(reset.IsSuccessStatusCode, $"Resetting the canary weight answered {(int)reset.StatusCode}.");
        }
    }

    [Fact]
    public async Task ADoubleSubmittedCheckout_PlacesOneOrder()
    {
        var product = await StockedProductAsync("Twin candle", 10);
        var page = await _browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "bob", SystemFixture.DemoUserPassword);
        await AddToCartAsync(page, product);
        var bob = await system.GatewayAsAsync("bob");
        var before = await OrdersWithAsync(bob, product);

        // Both submissions of the same form leave before either answers, as a double click does.
        var statuses = await page.EvaluateAsync<int[]>("""
            async () => {
              const form = document.querySelector('form[action="/checkout"]');
              const send = () => fetch(form.action, { method: 'POST', body: new FormData(form), redirect: 'manual' });
              const responses = await Promise.all([send(), send()]);
              return responses.map(r => r.status);
            }
            """);
        Assert.All(statuses, status => Assert.True(status is 0 or 302, $"A checkout answered {status}."));

        await page.GotoAsync("/orders");
        Assert.Equal(before + 1, await OrdersWithAsync(bob, product));
    }

    private async Task<Guid> StockedProductAsync(string name, int stock)
    {
        var admin = await system.GatewayAsAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/catalog/products", new
        {
            name = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            description = "From the storefront tests.",
            price = 12.5m,
            category = "Storefront tests",
        });
        Assert.True(created.IsSuccessStatusCode, $"Creating a product answered {(int)created.StatusCode}.");
        var product = (await created.Content.ReadFromJsonAsync<ProductDto>())!;
        using var stocked = await admin.PutAsJsonAsync($"/api/inventory/{product.Id}", new { quantity = stock });
        Assert.True(stocked.IsSuccessStatusCode, $"Stocking a product answered {(int)stocked.StatusCode}.");
        return product.Id;
    }

    private static async Task AddToCartAsync(IPage page, Guid product)
    {
        await page.GotoAsync($"/products/{product}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.WaitForURLAsync("**/cart");
    }

    /// <summary>How many of the buyer's orders hold the product, read through the gateway like any client.</summary>
    private static async Task<int> OrdersWithAsync(HttpClient buyer, Guid product)
    {
        var list = await buyer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/orders?pageSize=100");
        var count = 0;
        foreach (var summary in list.GetProperty("items").EnumerateArray())
        {
            var order = await buyer.GetFromJsonAsync<OrderSagaDriver.OrderDto>($"/api/orders/{summary.GetProperty("id").GetGuid()}");
            count += order!.Lines.Any(line => line.ProductId == product) ? 1 : 0;
        }

        return count;
    }

    private static int ProcessId(string instance) => int.Parse(instance[(instance.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    [GeneratedRegex("/orders/([0-9a-f-]{36})$")]
    private static partial Regex OrderPage();
}
