using System.Text.Json;
using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.ManagedSubAccounts;
using Ferry.Simulator.Ledger.SubAccounts;
using Ferry.Simulator.Scenario;

namespace Ferry.Simulator.Binance.Handlers;

/// <summary>Simulator-only endpoints for tests and tools: balances, totals, the accounts, the move channels, the
/// committed moves and the auditor's findings. A tool that talks to a simulator by its base address reads these
/// instead of the simulator's types.</summary>
internal sealed class AdminHandlers(
    SimLedger ledger, SubAccountBook subAccounts, ManagedSubAccountBook? managed, IReadOnlyList<HtxScenarioUser> htxUsers)
{
    /// <summary>GET /_sim/balances[?owner=EMAIL]: rows of owner, wallet, symbol (null unless isolated), asset, amount (string).</summary>
    public SimResponse Balances(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartArray();
        foreach (var (key, amount) in ledger.Balances(r.Text("owner")))
        {
            w.WriteStartObject();
            WriteWallet(w, key.Wallet);
            w.WriteString("asset", key.Asset);
            w.WriteString("amount", DecimalText.Plain(amount));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }));

    /// <summary>GET /_sim/totals: {"USDT":"10050", ...}, per asset over every wallet of every user.</summary>
    public SimResponse Totals(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartObject();
        foreach (var (asset, amount) in ledger.Totals().OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            w.WriteString(asset, DecimalText.Plain(amount));
        }
        w.WriteEndObject();
    }));

    /// <summary>GET /_sim/accounts: the Binance master (null when there is none) and its sub-accounts in sub-user-id order,
    /// each with whether it is virtual (made by POST virtualSubAccount) or managed; and the HTX users with their ids.
    /// It is the state now, so sub-accounts created since the scenario seeded it are listed too.</summary>
    public SimResponse Accounts(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        var master = ledger.Master;
        IReadOnlyList<SubAccountView> subs = [];
        if (master is not null) subAccounts.Accounts.List(master.Email, out subs);
        w.WriteStartObject();
        w.WriteStartObject("binance");
        if (master is null) w.WriteNull("master");
        else w.WriteString("master", master.Email);
        w.WriteStartArray("subAccounts");
        foreach (var sub in subs)
        {
            w.WriteStartObject();
            w.WriteString("email", sub.Profile.Email);
            w.WriteBoolean("virtual", sub.Profile.Virtual);
            w.WriteBoolean("managed", managed?.Queries.IsManaged(sub.Profile.Email) ?? false);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("htx");
        w.WriteStartArray("users");
        foreach (var user in htxUsers)
        {
            w.WriteStartObject();
            w.WriteString("email", user.Email);
            w.WriteNumber("uid", user.Uid);
            w.WriteNumber("spotAccountId", user.SpotAccountId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }));

    /// <summary>GET /_sim/channels: rows of channel, venue, method, path: the endpoint behind each history channel.</summary>
    public SimResponse Channels(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartArray();
        foreach (var row in MoveChannelEndpoints.All)
        {
            w.WriteStartObject();
            w.WriteString("channel", row.Channel);
            w.WriteString("venue", row.Venue);
            w.WriteString("method", row.Method);
            w.WriteString("path", row.Path);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }));

    /// <summary>GET /_sim/moves: every committed move, oldest first, as the ledger holds it (no fault's history lag):
    /// id, timestampMs, channel, type, initiator, from and to (owner, wallet, symbol), asset, amount (string), status,
    /// clientId (null when the endpoint takes none).</summary>
    public SimResponse Moves(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartArray();
        foreach (var move in ledger.Snapshot().History)
        {
            w.WriteStartObject();
            w.WriteNumber("id", move.Id);
            w.WriteNumber("timestampMs", move.TimestampMs);
            w.WriteString("channel", move.Channel);
            w.WriteString("type", move.Type);
            w.WriteString("initiator", move.Initiator);
            w.WriteStartObject("from");
            WriteWallet(w, move.From);
            w.WriteEndObject();
            w.WriteStartObject("to");
            WriteWallet(w, move.To);
            w.WriteEndObject();
            w.WriteString("asset", move.Asset);
            w.WriteString("amount", DecimalText.Plain(move.Amount));
            w.WriteString("status", move.Status);
            if (move.ClientId is null) w.WriteNull("clientId");
            else w.WriteString("clientId", move.ClientId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }));

    /// <summary>GET /_sim/audit: the auditor's findings as sentences; an empty array while every invariant holds.</summary>
    public SimResponse Audit(SimRequest r) => SimResponse.Ok(JsonBody.Write(w =>
    {
        w.WriteStartArray();
        foreach (var problem in LedgerAuditor.Check(ledger.Snapshot())) w.WriteStringValue(problem);
        w.WriteEndArray();
    }));

    private static void WriteWallet(Utf8JsonWriter w, WalletAddress wallet)
    {
        w.WriteString("owner", wallet.Owner);
        w.WriteString("wallet", WalletNames.Name(wallet.Wallet));
        if (wallet.Symbol is null) w.WriteNull("symbol");
        else w.WriteString("symbol", wallet.Symbol);
    }
}
