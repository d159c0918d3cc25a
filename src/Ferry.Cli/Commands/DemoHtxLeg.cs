using Ferry.Engine.Addresses;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Engine.History;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Simulator.Htx;

namespace Ferry.Cli.Commands;

/// <summary>The HTX step of <c>ferry demo</c>: spot ⇄ cross and isolated swap on the same simulator, a refusal, the ledger.</summary>
internal static class DemoHtxLeg
{
    /// <summary>The demo lifts HTX's documented 1 transfer per second (simulator and client) so it runs without pauses.</summary>
    public static HtxSimSettings SimulatorSettings { get; } = new() { TransfersPerSecond = 10 };

    private static readonly (string Amount, string From, string To)[] Moves =
    [
        ("300", "htx:spot", "htx:swap"),
        ("150", "htx:spot", "htx:swap:BTC-USDT"),
        ("50", "htx:swap", "htx:spot"),
    ];

    /// <summary>Runs the step, printing it for people; returns it for --json, or null when a move failed.
    /// <paramref name="ferry"/> plans and sends with <paramref name="account"/>, the demo's HTX account.</summary>
    public static async Task<DemoHtxDocument?> RunAsync(CliEnvironment env, Printer printer, TransferService ferry, AccountDefinition account, CancellationToken ct)
    {
        var moves = new List<DemoHtxMoveDocument>();
        var session = await ferry.SessionAsync(account, ct);
        printer.Line("");
        printer.Line("6. HTX on the same simulator: spot <-> USDT-margined swap (POST /v2/account/transfer, Signature V2):");
        var start = env.Time.GetUtcNow();
        foreach (var (amount, from, to) in Moves)
        {
            var plan = await PlanAsync(ferry, account, amount, from, to, ct);
            var result = await session.SendAsync(plan, ct);
            if (result.Kind != OutcomeKind.Done)
            {
                env.Error.WriteLine($"ferry demo: moving {amount} USDT from {from} to {to} on HTX failed: {result.Message}");
                return null;
            }
            printer.Line($"   {amount,6} USDT {from,-17} -> {to,-17} {plan.Direction,-24} id {result.ExchangeId}");
            moves.Add(new DemoHtxMoveDocument(amount, "USDT", from, to, plan.Direction, result.ExchangeId));
        }

        var refused = await session.SendAsync(await PlanAsync(ferry, account, "0.5", "htx:spot", "htx:swap", ct), ct);
        printer.Line(refused.Error is null
            ? $"   unexpected outcome: {refused.Message}"
            : $"   refused: code {refused.Error.Code}, \"{refused.Error.Message}\" (below the simulator's 1 USDT minimum); nothing moved");
        var refusal = DemoRefusalDocument.Of(refused.Error, refused.Message);

        printer.Line("   HTX's ledger (GET /v2/account/ledger), newest first:");
        var ledger = await ferry.HistoryAsync(account, new HtxLedgerQuery("USDT", start.AddMinutes(-1), env.Time.GetUtcNow().AddMinutes(1)), ct);
        var ledgerRows = new List<DemoHtxLedgerRowDocument>();
        if (ledger is Done<IReadOnlyList<TransferHistoryEntry>> rows)
        {
            foreach (var row in rows.Value)
            {
                printer.Line($"   id {row.TransferId,-10} {row.From,-9} -> {row.To,-9} {WireDecimal.Format(row.Amount),6} {row.Asset}");
                ledgerRows.Add(new DemoHtxLedgerRowDocument(row.TransferId, row.From, row.To, WireDecimal.Format(row.Amount), row.Asset));
            }
        }
        else
        {
            printer.Line($"   could not read the ledger: {OutcomeText.Once(ledger.Describe())}");
        }

        return new DemoHtxDocument(moves, refusal, ledgerRows);
    }

    /// <summary>Plans an HTX move through the engine's door, as every front end does: one spot ⇄ swap transfer.</summary>
    private static async Task<HtxTransferPlan> PlanAsync(TransferService ferry, AccountDefinition account, string amount, string from, string to, CancellationToken ct)
    {
        var proposal = await ferry.PlanAsync(new TransferRequest(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "USDT",
            WalletAddress.Parse(from), WalletAddress.Parse(to)), account.Name, ct);
        return (HtxTransferPlan)proposal.Legs.Single();
    }
}
