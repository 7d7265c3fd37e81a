using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// The storefront in a real browser against the real system: sign-in through the OIDC code flow, cart and checkout,
/// the live order page, clustered sessions across replicas and the admin area. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class StorefrontTests(SystemFixture system, StorefrontBrowser browser) : IClassFixture<StorefrontBrowser>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseShoppersAsync();

    [Fact]
    public async Task ACustomer_SignsIn_AddsTwoProducts_ChecksOut_AndSeesTheOrderConfirmedOnTheLivePage()
    {
        var first = await StockedProductAsync("Trail lantern", 10);
        var second = await StockedProductAsync("Camp kettle", 10);
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);

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

        // The tokens stay on the server: the browser holds only keys to the ticket and the session.
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, cookie => cookie.Name == "__storefront");
        Assert.All(cookies, cookie => Assert.DoesNotContain("eyJ", cookie.Value, StringComparison.Ordinal));
        Assert.All(cookies, cookie => Assert.True(cookie.Value.Length < 1024, $"Cookie {cookie.Name} holds {cookie.Value.Length} characters."));
    }

    [Fact]
    public async Task TheCatalog_FiltersByCategory_PagesThroughIt_AndSaysWhichVersionServed()
    {
        var category = $"Shelf {Guid.NewGuid().ToString("N")[..8]}";
        for (var i = 0; i < 13; i++)
        {
            await StockedProductAsync($"Shelf item {i}", 1, category);
        }

        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await page.GotoAsync($"/?category={Uri.EscapeDataString(category)}");

        await Assertions.Expect(page.GetByTestId("product")).ToHaveCountAsync(12);
        await Assertions.Expect(page.GetByTestId("catalog-version")).ToHaveTextAsync("Catalog v1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("product")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Previous page" })).ToBeVisibleAsync();
        await StorefrontBrowser.ScreenshotAsync(page, "catalog-second-page");
    }

    [Fact]
    public async Task EveryInputHasALabel_AndTheKeyboardReachesTheContentFirst()
    {
        var product = await StockedProductAsync("Labelled jar", 2);
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "alice", SystemFixture.DemoUserPassword);
        await AddToCartAsync(page, product);

        foreach (var path in new[] { "/", $"/products/{product}", "/cart", "/orders" })
        {
            await page.GotoAsync(path);
            var unlabelled = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
                  .map(e => e.outerHTML)
                """);
            Assert.True(unlabelled.Length == 0, $"{path} has controls without a name: {string.Join(", ", unlabelled)}");

            // The first Tab stop is the skip link, and following it puts the focus on the page's content.
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }
    }

    [Fact]
    public async Task TheStore_ExplainsAProductThatIsGone_AndACatalogThatFails_WithoutAStackTrace()
    {
        var product = await StockedProductAsync("Fragile vase", 1);
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);

        var gone = await page.GotoAsync($"/products/{Guid.NewGuid()}");
        Assert.Equal(404, gone!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This product is gone");

        // Every catalog answer fails (fault injection on the version the gateway routes to): the page says so, kindly.
        var admin = await system.GatewayAsAsync("admin");
        using var fault = await admin.PutAsJsonAsync("/api/catalog/admin/faults", new { errorRate = 1.0 });
        Assert.True(fault.IsSuccessStatusCode, $"Injecting a fault answered {(int)fault.StatusCode}.");
        try
        {
            var failing = await page.GotoAsync($"/products/{product}");
            Assert.Equal(503, failing!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The store is not answering right now");
            Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
            await StorefrontBrowser.ScreenshotAsync(page, "catalog-down");
        }
        finally
        {
            using var cleared = await admin.PutAsJsonAsync("/api/catalog/admin/faults", new { errorRate = 0.0 });
            Assert.True(cleared.IsSuccessStatusCode, $"Clearing the fault answered {(int)cleared.StatusCode}.");
        }
    }

    [Fact]
    public async Task AnOrderForMoreThanTheStock_IsCancelled_AndThePageSaysWhy()
    {
        var product = await StockedProductAsync("Rare print", 0);
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "bob", SystemFixture.DemoUserPassword);

        await AddToCartAsync(page, product);
        await page.GetByTestId("checkout").ClickAsync();
        await page.WaitForURLAsync(OrderPage());

        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(page.GetByTestId("order-reason").Last).ToContainTextAsync("Stock rejected");
        await StorefrontBrowser.ScreenshotAsync(page, "order-cancelled");
    }

    [Fact]
    public async Task APendingOrdersPage_ShowsItsCancellation_PushedWithoutAReload()
    {
        var product = await StockedProductAsync("Slow boat", 5);
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
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
            await StorefrontBrowser.ScreenshotAsync(page, "order-cancelled-live");
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
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
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
            await StorefrontBrowser.ScreenshotAsync(page, "cart-after-replica-stop");
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
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "bob", SystemFixture.DemoUserPassword);

        var response = await page.GotoAsync("/admin");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("problem-page")).ToContainTextAsync("administrators only");
        await StorefrontBrowser.ScreenshotAsync(page, "admin-forbidden");
    }

    [Fact]
    public async Task TheAdmin_ChangesTheCanaryWeightInTheStore_AndTheGatewaysAdminApiShowsIt()
    {
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
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

            // The other sections read the same admin APIs as the dashboard's commands.
            await Assertions.Expect(page.GetByTestId("alerts-section")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("dead-letter-queue")).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByTestId("read-model-stats")).ToBeVisibleAsync();
            await page.GetByTestId("rebuild-read-model").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=admin-confirmation][data-saved=rebuild]")).ToBeVisibleAsync();

            await page.GetByTestId("rollback-canary").ClickAsync();
            await Assertions.Expect(page.GetByTestId("canary-current-weight")).ToHaveTextAsync("0");
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
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
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
        await StorefrontBrowser.ScreenshotAsync(page, "my-orders-after-double-submit");
    }

    [Fact]
    public async Task TheAccessToken_RefreshesSilently_AndSigningOut_RevokesTheRefreshToken()
    {
        // The storefront of the test system refreshes tokens older than 10 s (Oidc:RefreshBeforeExpiry), so a session
        // renews within a test; tess has a session of her own, which no other test signs out.
        var product = await StockedProductAsync("Quiet fan", 3);
        var page = await browser.NewShopperAsync(system.Gateway.BaseAddress!);
        await StorefrontBrowser.SignInAsync(page, "tess", SystemFixture.DemoUserPassword);
        Assert.Equal(1, await StorefrontRefreshTokensAsync("tess", "valid"));

        // Each view reads availability with the session's access token, so a failed refresh would show at once.
        await OrderSagaDriver.EventuallyAsync(async () =>
        {
            await page.GotoAsync($"/products/{product}");
            await Assertions.Expect(page.GetByTestId("availability")).ToHaveTextAsync("In stock: 3 available");
            return await StorefrontRefreshTokensAsync("tess", "redeemed") > 0;
        }, "the storefront refreshes tess's access token", TimeSpan.FromSeconds(60));
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("tess");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        Assert.Equal(0, await StorefrontRefreshTokensAsync("tess", "valid"));
        Assert.True(await StorefrontRefreshTokensAsync("tess", "revoked") >= 1, "Signing out revoked no refresh token.");
    }

    private async Task<Guid> StockedProductAsync(string name, int stock, string category = "Storefront tests")
    {
        var admin = await system.GatewayAsAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/catalog/products", new
        {
            name = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            description = "From the storefront tests.",
            price = 12.5m,
            category,
        });
        Assert.True(created.IsSuccessStatusCode, $"Creating a product answered {(int)created.StatusCode}.");
        var product = (await created.Content.ReadFromJsonAsync<ProductDto>())!;
        using var stocked = await admin.PutAsJsonAsync($"/api/inventory/{product.Id}", new { quantity = stock });
        Assert.True(stocked.IsSuccessStatusCode, $"Stocking a product answered {(int)stocked.StatusCode}.");
        return product.Id;
    }

    /// <summary>The storefront client's refresh tokens of <paramref name="user"/> in a status, as the token server records them.</summary>
    private async Task<long> StorefrontRefreshTokensAsync(string user, string status)
    {
        await using var identity = await system.OpenDatabaseAsync("identitydb");
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT count(*) FROM "OpenIddictTokens" t
            JOIN "OpenIddictApplications" a ON a."Id" = t."ApplicationId"
            JOIN "AspNetUsers" u ON u."Id" = t."Subject"
            WHERE a."ClientId" = 'aspiremsa-storefront' AND t."Type" = 'urn:ietf:params:oauth:token-type:refresh_token'
              AND t."Status" = @status AND u."UserName" = @user
            """, identity);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("user", user);
        return (long)(await command.ExecuteScalarAsync())!;
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
