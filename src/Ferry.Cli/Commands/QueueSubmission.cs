using System.Globalization;
using System.Security.Cryptography;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Engine.Work;

namespace Ferry.Cli.Commands;

/// <summary>
/// What <c>ferry transfer|sweep|rebalance … --queue</c> share: the checked, planned and (on mainnet) confirmed moves are
/// queued as units for <c>ferry worker</c> instead of run here, and their ids printed.
/// </summary>
internal static class QueueSubmission
{
    /// <summary>Queues the orders in one transaction and prints the units (with --json: one document, or one line when
    /// <paramref name="jsonLine"/>, as sweep and rebalance print JSON lines).</summary>
    public static async Task<int> EnqueueAsync(CliEnvironment env, Printer printer, IReadOnlyList<WorkOrder> orders, bool jsonLine, CancellationToken ct)
    {
        using var queue = await CliQueue.OpenAsync(env, ct);
        // Whoever queues a move stays its requester: the worker that runs it asks for them.
        var queuedBy = env.Requester ?? CliServices.Person(env);
        var units = await queue.EnqueueAsync([.. orders.Select(o => o with { QueuedBy = o.QueuedBy ?? queuedBy })], ct);
        var document = new QueuedDocument(orders.FirstOrDefault()?.Batch, [.. units.Select(u => new QueuedUnitDocument(u.Id, WorkUnitStates.Name(u.Order.Kind),
            u.Order.Account, WireDecimal.Format(u.Request.Amount), u.Request.Asset, u.Request.From.ToString(), u.Request.To.ToString(), u.Order.ConfirmedAt is not null))]);
        if (printer.Json && jsonLine) env.Out.WriteLine(JsonLines.Of(document, CliJsonContext.Default.QueuedDocument));
        else printer.Document(document, CliJsonContext.Default.QueuedDocument);
        foreach (var u in units)
            printer.Line($"queued {u.Id}: {WireDecimal.Format(u.Request.Amount)} {u.Request.Asset} {u.Request.From} → {u.Request.To} (account '{u.Order.Account}')");
        printer.Line($"{units.Count} unit{(units.Count == 1 ? "" : "s")} queued; 'ferry worker' runs them, 'ferry worker status' shows who holds what.");
        return ExitCodes.Ok;
    }

    /// <summary>A new batch id for the units of one sweep or rebalance.</summary>
    public static string NewBatch(TimeProvider time) =>
        "B" + time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
}
