using System.Text.Json;
using Ferry.Core.Money;

namespace Ferry.Cli.Sessions;

/// <summary>
/// Reads Ferry's own simulator admin endpoints (<c>/_sim/balances</c>, <c>/_sim/totals</c>, <c>/_sim/accounts</c>,
/// <c>/_sim/channels</c>, <c>/_sim/moves</c>, <c>/_sim/audit</c>). These are not Binance endpoints; they exist so
/// people, tests and the CLI can see the simulated ledger knowing only the simulator's base address. With
/// <paramref name="inProcess"/> (an in-process simulator's handler) the requests go to it instead of a socket.
/// </summary>
internal sealed class SimulatorAdminClient(Uri baseAddress, HttpMessageHandler? inProcess = null)
{
    public sealed record BalanceRow(string Owner, string Wallet, string? Symbol, string Asset, decimal Amount);

    /// <summary>A sub-account of the simulated master: <paramref name="Virtual"/> when made by POST virtualSubAccount,
    /// <paramref name="Managed"/> for a managed sub-account. The scenario's own sub-accounts are neither.</summary>
    public sealed record SubAccountRow(string Email, bool Virtual, bool Managed);

    /// <summary>An HTX user of the simulator with its ids.</summary>
    public sealed record HtxUserRow(string Email, long Uid, long SpotAccountId);

    /// <summary>Who the simulator holds now: the Binance master (null when none), its sub-accounts in sub-user-id order,
    /// and the HTX users.</summary>
    public sealed record Accounts(string? BinanceMaster, IReadOnlyList<SubAccountRow> SubAccounts, IReadOnlyList<HtxUserRow> HtxUsers);

    /// <summary>The endpoint whose committed moves carry <paramref name="Channel"/> in the simulator's history.</summary>
    public sealed record ChannelRow(string Channel, string Venue, string Method, string Path);

    /// <summary>One wallet of a committed move: owner, wallet name (SPOT, USDT_FUTURE, HTX_SPOT, ...), symbol when isolated.</summary>
    public sealed record MoveWallet(string Owner, string Wallet, string? Symbol);

    /// <summary>One committed move of the simulator's ledger, as <c>/_sim/moves</c> lists it.</summary>
    public sealed record MoveRow(long Id, long TimestampMs, string Channel, string Type, string Initiator, MoveWallet From, MoveWallet To,
        string Asset, decimal Amount, string Status, string? ClientId);

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

    /// <summary>GET /_sim/accounts: who the simulator holds now (sub-accounts created since seeding included).</summary>
    public async Task<Accounts> AccountsAsync(CancellationToken ct)
    {
        using var document = await GetAsync("_sim/accounts", ct);
        var binance = document.RootElement.GetProperty("binance");
        var master = binance.GetProperty("master");
        return new Accounts(
            master.ValueKind == JsonValueKind.String ? master.GetString() : null,
            [.. binance.GetProperty("subAccounts").EnumerateArray().Select(s => new SubAccountRow(
                s.GetProperty("email").GetString()!, s.GetProperty("virtual").GetBoolean(), s.GetProperty("managed").GetBoolean()))],
            [.. document.RootElement.GetProperty("htx").GetProperty("users").EnumerateArray().Select(u => new HtxUserRow(
                u.GetProperty("email").GetString()!, u.GetProperty("uid").GetInt64(), u.GetProperty("spotAccountId").GetInt64()))]);
    }

    /// <summary>GET /_sim/channels: which endpoint writes each history channel.</summary>
    public async Task<IReadOnlyList<ChannelRow>> ChannelsAsync(CancellationToken ct)
    {
        using var document = await GetAsync("_sim/channels", ct);
        return [.. document.RootElement.EnumerateArray().Select(r => new ChannelRow(
            r.GetProperty("channel").GetString()!, r.GetProperty("venue").GetString()!,
            r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!))];
    }

    /// <summary>GET /_sim/moves: every committed move, oldest first (the ledger's truth, without a fault's history lag).</summary>
    public async Task<IReadOnlyList<MoveRow>> MovesAsync(CancellationToken ct)
    {
        using var document = await GetAsync("_sim/moves", ct);
        return [.. document.RootElement.EnumerateArray().Select(m => new MoveRow(
            m.GetProperty("id").GetInt64(), m.GetProperty("timestampMs").GetInt64(), m.GetProperty("channel").GetString()!,
            m.GetProperty("type").GetString()!, m.GetProperty("initiator").GetString()!,
            ReadWallet(m.GetProperty("from")), ReadWallet(m.GetProperty("to")), m.GetProperty("asset").GetString()!,
            ReadAmount(m.GetProperty("amount")), m.GetProperty("status").GetString()!,
            m.GetProperty("clientId").ValueKind == JsonValueKind.String ? m.GetProperty("clientId").GetString() : null))];
    }

    /// <summary>GET /_sim/audit: the auditor's findings; empty while every ledger invariant holds.</summary>
    public async Task<IReadOnlyList<string>> AuditAsync(CancellationToken ct)
    {
        using var document = await GetAsync("_sim/audit", ct);
        return [.. document.RootElement.EnumerateArray().Select(p => p.GetString()!)];
    }

    private static MoveWallet ReadWallet(JsonElement wallet) => new(
        wallet.GetProperty("owner").GetString()!, wallet.GetProperty("wallet").GetString()!,
        wallet.TryGetProperty("symbol", out var symbol) && symbol.ValueKind == JsonValueKind.String ? symbol.GetString() : null);

    private static decimal ReadAmount(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number ? element.GetDecimal()
        : WireDecimal.TryParse(element.GetString(), out var value) ? value
        : throw new FormatException($"The simulator sent an unreadable amount '{element}'.");

    private async Task<JsonDocument> GetAsync(string path, CancellationToken ct)
    {
        // The simulator is on loopback: straight there, never through a proxy from the environment.
        using var http = inProcess is null
            ? new HttpClient(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) }
            : new HttpClient(inProcess, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
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
