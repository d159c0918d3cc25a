using System.Text.Json;
using Ferry.Money;

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
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
            throw CliException.Refused($"The simulator at {baseAddress} answered {(int)response.StatusCode} to {path}; is it a Ferry simulator?");
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
    }
}
