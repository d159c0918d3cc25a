using System.Diagnostics;
using System.Text.Json;

namespace Ferry.Benchmarks.Serve;

/// <summary>A <c>ferry serve</c> process on the embedded simulator: a fresh FERRY_HOME, loopback port 0, and the
/// address it printed (its <c>--json</c> first line). Disposing kills it and waits for it to exit.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the service listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts <paramref name="ferry"/> <c>serve</c> with <paramref name="home"/> as FERRY_HOME and waits for
    /// the line that says where it listens.</summary>
    public static async Task<ServeProcess> StartAsync(string ferry, string home, CancellationToken ct)
    {
        var info = new ProcessStartInfo(ferry, ["serve", "--urls", "http://127.0.0.1:0", "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["FERRY_HOME"] = home;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("ferry serve did not start.");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null)
            {
                var error = await process.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
                throw new InvalidOperationException($"ferry serve stopped before it listened: {error}");
            }

            using var document = JsonDocument.Parse(line);
            var listening = document.RootElement.GetProperty("listening").GetString()
                ?? throw new InvalidOperationException($"ferry serve printed no address: {line}");
            // Keep reading its output so that a full pipe never blocks it.
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            return new ServeProcess(process, new Uri(listening.TrimEnd('/') + "/"));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
