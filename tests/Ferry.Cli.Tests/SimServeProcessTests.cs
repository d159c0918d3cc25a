using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary>Runs the real <c>ferry</c> executable: the first line, a request, then SIGTERM and exit 0.</summary>
public sealed class SimServeProcessTests
{
    [Fact]
    public async Task Sim_serve_prints_its_address_serves_and_exits_0_on_SIGTERM()
    {
        var ferryDll = Path.Combine(AppContext.BaseDirectory, "ferry.dll");
        var start = new ProcessStartInfo("dotnet", [ferryDll, "sim", "serve", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["FERRY_HOME"] = Directory.CreateTempSubdirectory("ferry-serve-").FullName;
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(first);
            Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", first);

            using var http = new HttpClient { BaseAddress = new Uri(first!["listening on ".Length..]) };
            var time = await http.GetFromJsonAsync<JsonElement>("api/v3/time", timeout.Token);
            Assert.True(time.GetProperty("serverTime").GetInt64() > 0);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Directory.Delete(start.Environment["FERRY_HOME"]!, recursive: true);
        }
    }

    [Fact]
    public async Task Sim_serve_with_json_prints_a_json_object_with_the_address_first()
    {
        var ferryDll = Path.Combine(AppContext.BaseDirectory, "ferry.dll");
        var start = new ProcessStartInfo("dotnet", [ferryDll, "sim", "serve", "--port", "0", "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["FERRY_HOME"] = Directory.CreateTempSubdirectory("ferry-serve-").FullName;
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(first);
            var document = JsonDocument.Parse(first!).RootElement;
            var url = document.GetProperty("listening").GetString()!;
            Assert.Matches(@"^http://127\.0\.0\.1:\d+$", url);
            Assert.Equal("master@example.com", document.GetProperty("demo").GetProperty("master").GetString());

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var time = await http.GetFromJsonAsync<JsonElement>("api/v3/time", timeout.Token);
            Assert.True(time.GetProperty("serverTime").GetInt64() > 0);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", (await process.StandardOutput.ReadToEndAsync(timeout.Token)).Trim());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            Directory.Delete(start.Environment["FERRY_HOME"]!, recursive: true);
        }
    }
}
