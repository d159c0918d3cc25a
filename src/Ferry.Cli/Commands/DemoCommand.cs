using System.CommandLine;
using Ferry.Engine.Addresses;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.History;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry demo</c>: a short guided tour on a fresh in-memory simulator.</summary>
internal static class DemoCommand
{
    private static readonly (string Amount, string Asset, string From, string To)[] Moves =
    [
        ("250", "USDT", "spot", "usdm"),
        ("100", "USDT", "usdm", "funding"),
        ("0.1", "BTC", "spot", "funding"),
        ("25", "USDT", "margin", "isolated:BTCUSDT"),
        ("10", "USDT", "isolated:BTCUSDT", "spot"),
    ];

    public static Command Create(CliEnvironment env)
    {
        var json = CommonOptions.Json();
        var command = new Command("demo", "A guided tour on a fresh simulator: balances, transfers of several types, a refusal, history, and an HTX leg.") { json };
        command.SetAction((parse, ct) => RunAsync(env, new DemoOptions(parse.GetValue(json)), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, DemoOptions options, CancellationToken ct)
    {
        // The tour for people; with --json the same steps as one document, printed at the end.
        var printer = new Printer(env, options.Json);
        await using var host = await EmbeddedSimulator.StartAsync(statePath: null, env.Time, ct, DemoHtxLeg.SimulatorSettings);
        var account = EmbeddedSimulator.Account(host.BaseAddress, "demo");
        var htxAccount = HtxSession.EmbeddedAccount(host.BaseAddress, "demo-htx");
        await using var ferry = new TransferService(new TransferServiceOptions
        {
            Accounts = [account, htxAccount],
            OpenJournal = _ => throw new InvalidOperationException("The demo journals nothing: it sends each move once and shows what came back."),
            Venues = new DemoVenues(env),
            Time = env.Time,
        });
        var session = await ferry.SessionAsync(account, ct);
        var admin = new SimulatorAdminClient(host.BaseAddress);

        printer.Line($"Ferry demo: a fresh Binance SIMULATOR on {host.BaseAddress} (no real money, no network, no keys).");
        printer.Line("");
        printer.Line($"1. Balances of {EmbeddedSimulator.MasterEmail}:");
        var balancesBefore = await PrintBalancesAsync(printer, admin, ct);
        var totalsBefore = await admin.TotalsAsync(ct);

        printer.Line("");
        printer.Line("2. Transfers between wallets (POST /sapi/v1/asset/transfer, signed with HMAC):");
        var moves = new List<DemoMoveDocument>();
        var plans = new List<WalletTransferPlan>();
        foreach (var (amount, asset, from, to) in Moves)
        {
            var plan = await PlanAsync(ferry, amount, asset, from, to, ct);
            var result = await session.SendAsync(new WalletTransferLeg(plan), ct);
            if (result.Kind != OutcomeKind.Done)
            {
                env.Error.WriteLine($"ferry demo: moving {amount} {asset} from {from} to {to} failed: {result.Message}");
                return ExitCodes.Internal;
            }
            printer.Line($"   {amount,6} {asset,-4} {from,-17} -> {to,-17} {plan.TransferTypeName,-24} id {result.ExchangeId}");
            moves.Add(new DemoMoveDocument(amount, asset, from, to, plan.TransferTypeName, result.ExchangeId));
            plans.Add(plan);
        }

        printer.Line("");
        printer.Line("3. A move the exchange refuses (more than the wallet holds); nothing moves:");
        var refused = await session.SendAsync(new WalletTransferLeg(await PlanAsync(ferry, "1000000", "USDT", "spot", "usdm", ct)), ct);
        printer.Line(refused.Error is null
            ? $"   unexpected outcome: {refused.Message}"
            : $"   refused: code {refused.Error.Code}, \"{refused.Error.Message}\" (HTTP {refused.Error.HttpStatus})");
        var refusal = DemoRefusalDocument.Of(refused.Error, refused.Message);

        printer.Line("");
        printer.Line("4. Balances after the moves:");
        var balancesAfter = await PrintBalancesAsync(printer, admin, ct);

        printer.Line("");
        printer.Line("5. The exchange's history (GET /sapi/v1/asset/transfer), newest first:");
        var end = env.Time.GetUtcNow();
        var history = await ferry.HistoryAsync(account, new WalletHistoryQuery(
            plans.Select(p => new UniversalHistorySelection(p.TransferType, p.FromSymbol, p.ToSymbol)).Distinct().ToList(), end.AddDays(-1), end), ct);
        var historyRows = new List<DemoHistoryRowDocument>();
        if (history is Done<IReadOnlyList<TransferHistoryEntry>> rows)
        {
            foreach (var row in rows.Value.OrderByDescending(r => r.TransferId))
            {
                printer.Line($"   id {row.TransferId,-6} {row.Type,-24} {WireDecimal.Format(row.Amount),6} {row.Asset,-4} {row.Status}");
                historyRows.Add(new DemoHistoryRowDocument(row.TransferId, row.Type, WireDecimal.Format(row.Amount), row.Asset, row.Status));
            }
        }
        else
        {
            printer.Line($"   could not read history: {OutcomeText.Once(history.Describe())}");
        }

        if (await DemoHtxLeg.RunAsync(env, printer, ferry, htxAccount, ct) is not { } htx) return ExitCodes.Internal;

        var totalsAfter = await admin.TotalsAsync(ct);
        var conserved = totalsBefore.Count == totalsAfter.Count && totalsBefore.All(t => totalsAfter.GetValueOrDefault(t.Key) == t.Value);
        printer.Line("");
        printer.Line(conserved
            ? "7. Totals per asset over every wallet (Binance and HTX) are unchanged: money moved, none was created or lost."
            : "7. Totals per asset CHANGED: this is a simulator bug.");
        printer.Line("");
        printer.Line("Try it yourself: 'ferry transfer 5 USDT --from spot --to usdm', then 'ferry balances' and 'ferry history'.");
        printer.Line("On HTX: 'ferry transfer 10 USDT --from htx:spot --to htx:swap', then 'ferry balances --venue htx' and 'ferry history --venue htx'.");
        printer.Line("Routes: 'ferry transfer 50 USDT --from margin --to alice@example.com/isolated:BTCUSDT --dry-run' (two legs); collect: 'ferry sweep USDT --to spot --from-all-subaccounts --dry-run'.");
        printer.Document(
            new DemoDocument("embedded, in memory, no real money", EmbeddedSimulator.MasterEmail, balancesBefore, moves, refusal, balancesAfter, historyRows, htx, conserved),
            CliJsonContext.Default.DemoDocument);
        return conserved ? ExitCodes.Ok : ExitCodes.Internal;
    }

    /// <summary>Plans a move of the demo's master through the engine's door; each of the tour's moves stays inside the
    /// account, so it is one universal transfer.</summary>
    private static async Task<WalletTransferPlan> PlanAsync(TransferService ferry, string amount, string asset, string from, string to, CancellationToken ct)
    {
        var proposal = await ferry.PlanAsync(new TransferRequest(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), asset,
            WalletAddress.Parse(from), WalletAddress.Parse(to)), "demo", ct);
        return ((WalletTransferLeg)proposal.Legs.Single()).Plan;
    }

    /// <summary>Prints the master's balances as a table and returns them for the --json document.</summary>
    private static async Task<IReadOnlyList<DemoBalanceDocument>> PrintBalancesAsync(Printer printer, SimulatorAdminClient admin, CancellationToken ct)
    {
        var table = Printer.NewTable("Wallet", "Asset", "Amount");
        var rows = new List<DemoBalanceDocument>();
        foreach (var row in (await admin.BalancesAsync(EmbeddedSimulator.MasterEmail, ct)).Where(r => r.Amount != 0)
                     .OrderBy(r => r.Wallet, StringComparer.Ordinal).ThenBy(r => r.Symbol, StringComparer.Ordinal).ThenBy(r => r.Asset, StringComparer.Ordinal))
        {
            Printer.AddRow(table, row.Symbol is null ? row.Wallet : $"{row.Wallet}:{row.Symbol}", row.Asset, WireDecimal.Format(row.Amount));
            rows.Add(new DemoBalanceDocument(row.Wallet, row.Symbol, row.Asset, WireDecimal.Format(row.Amount)));
        }
        printer.Table(table);
        return rows;
    }
}
