using System.Text.Json;
using Ferry.Core.Money;

namespace Ferry.Cli.Sessions;

/// <summary>
/// Reads Ferry's own simulator admin endpoints (<c>/_sim/balances</c>, <c>/_sim/totals</c>). These are
/// not Binance endpoints; they exist so people and tests can see the simulated ledger.
/// </summary>
internal sealed class SimulatorAdminClient(Uri baseAddress)
{
    public sealed record BalanceRow(string Owner, string Wallet, string? Symbol, string Asset, decimal Amount);

    public async Task<IReadOnlyList<BalanceRow>> BalancesAsync(string? owner, CancellationToken ct)
    {
        var path = owner is null ? "_sim/balances" : $"_sim/balances?owner={Uri.EscapeDataString(owner)}";
        using var document = await GetAsync(path, ct);
        return document.RootElement.EnumerateArray().Select(row => new BalanceRow(
            row.GetProperty("owner").GetString()!,
            row.GetProperty("wallet").GetString()!,
            row.TryGetProperty("symbol", out var symbol) && symbol.ValueKind == JsonValueKind.String ? symbol.GetString() : null,
            row.GetProperty("asset").GetString()!,
            ReadAmount(row.GetProperty("amount")))).ToList();
    }

    public async Task<IReadOnlyDictionary<string, decimal>> TotalsAsync(CancellationToken ct)
    {
        using var document = await GetAsync("_sim/totals", ct);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => ReadAmount(p.Value));
    }

    private static decimal ReadAmount(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? element.GetDecimal()
        : WireDecimal.TryParse(element.GetString(), out var value) ? value
        : throw new FormatException($"The simulator sent an unreadable amount '{element}'.");

    private async Task<JsonDocument> GetAsync(string path, CancellationToken ct)
    {
        // The simulator is on loopback: straight there, never through a proxy from the environment.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        HttpResponseMessage answer;
        try
        {
            answer = await http.GetAsync(path, ct);
        }
        catch (HttpRequestException e)
        {
            throw CliException.Refused($"The simulator at {baseAddress} cannot be reached ({Unreachable(e)}); is 'ferry sim serve' running there?");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw CliException.Refused($"The simulator at {baseAddress} did not answer {path} within 10 seconds; is it a Ferry simulator?");
        }
        using var response = answer;
        if (!response.IsSuccessStatusCode)
            throw CliException.Refused($"The simulator at {baseAddress} answered {(int)response.StatusCode} to {path}; is it a Ferry simulator?");
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw CliException.Refused($"The simulator at {baseAddress} answered {path} with something that is not JSON; is it a Ferry simulator?");
        }
    }

    /// <summary>"connection refused", "the host name did not resolve": why a loopback simulator did not answer.</summary>
    internal static string Unreachable(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError when e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }
            => "connection refused",
        HttpRequestError.ConnectionError => "the connection failed",
        HttpRequestError.NameResolutionError => "the host name did not resolve",
        HttpRequestError.ResponseEnded => "the connection closed without an answer",
        _ => "the request failed",
    };
}
