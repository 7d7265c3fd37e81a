using Microsoft.Playwright;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// A real browser on the storefront: Playwright driving the operating system's Chromium (Debian's <c>chromium</c>, which
/// eng/prerequisites.sh installs; no browser download), one isolated context (cookies and all) per shopper. One browser
/// serves a whole test class (a class fixture): Playwright's driver and Chromium cost seconds of CPU to start, and a
/// fresh context already isolates each scenario. Each scenario's screenshots go to <c>TestResults/screenshots</c>.
/// </summary>
public sealed class StorefrontBrowser : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string ScreenshotDirectory = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    private readonly List<IBrowserContext> _shoppers = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"The browser tests drive {ChromiumPath}: run eng/prerequisites.sh (apt-get install chromium).");
        // A saga's outcome or a replica's ejection takes seconds on a loaded machine; every expectation polls up to this.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI has no user namespace for Chromium's sandbox; the pages are our own.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new shopper: a fresh context (no cookies) on the gateway's public address.</summary>
    public async Task<IPage> NewShopperAsync(Uri store)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = store.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        _shoppers.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Closes every shopper's context, so a scenario's open pages (a live order page listens) end with it.</summary>
    public async Task CloseShoppersAsync()
    {
        foreach (var shopper in _shoppers)
        {
            await shopper.CloseAsync();
        }

        _shoppers.Clear();
    }

    /// <summary>Signs in through the real authorization code flow: the store's link, the token server's form, and back.</summary>
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        var home = await page.GotoAsync("/");
        Assert.True(home is { Ok: true }, $"The store's home page answered {home?.Status}: {Excerpt(await page.ContentAsync())}");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(user);
    }

    private static string Excerpt(string html) => html.Length <= 600 ? html : html[..600];

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
