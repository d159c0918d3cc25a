using System.Diagnostics;
using System.Runtime.InteropServices;
using Ferry.Testing;
using Microsoft.Playwright;

namespace Ferry.Server.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for the whole test assembly, driven by Playwright pointed at that executable (Playwright
/// never downloads a browser here). When no chromium is installed and the tests run as root, Debian's <c>chromium</c>
/// package is installed with apt-get, as the PostgreSQL fixture does; otherwise the tests fail with the reason, never skip.
/// <see cref="DisposeAsync"/> closes the browser and Playwright's driver.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Find() ?? Install();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // As root Chromium refuses its sandbox; the pages are the tests' own, served on loopback.
            Args = geteuid() == 0 ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A fresh browser context (its own cookies) at <paramref name="baseAddress"/>, 1100×720, English.</summary>
    public Task<IBrowserContext> ContextAsync(Uri baseAddress) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1100, Height = 720 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>Debian's binary (the /usr/bin/chromium wrapper only adds flags), else chromium on the PATH.</summary>
    private static string? Find()
    {
        const string debian = "/usr/lib/chromium/chromium";
        if (File.Exists(debian)) return debian;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") })
            .FirstOrDefault(File.Exists);
    }

    private static string Install()
    {
        if (geteuid() != 0)
        {
            throw new InvalidOperationException(
                "Chromium was not found and this is not root, so it cannot be installed; install Debian's 'chromium' package for the dashboard's browser tests.");
        }
        DebianPackages.Install("chromium");
        return Find() ?? throw new InvalidOperationException("apt-get installed chromium but no chromium executable was found.");
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
