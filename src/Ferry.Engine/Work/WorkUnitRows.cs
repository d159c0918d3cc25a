using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Ferry.Core.Money;
using Ferry.Engine.Addresses;
using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Work;

/// <summary>
/// What every work queue store shares: the <c>work_units</c> columns, the statements that are the same on SQLite and
/// PostgreSQL (written with <c>@</c> parameters, which both accept), reading a row, checking an order and the holder's
/// fencing refusal. Times are Unix milliseconds of the store's clock.
/// </summary>
internal static class WorkUnitRows
{
    public const string Columns = """
        id, kind, batch, account, amount, asset, from_addr, to_addr, confirmed_ms, state, created_ms, worker, worker_pid,
        worker_host, worker_started_ms, token, lease_until_ms, takes, finished_ms, journal_ids, message, requester
        """;

    public const string Insert = """
        INSERT INTO work_units (id, kind, batch, account, amount, asset, from_addr, to_addr, confirmed_ms, state, created_ms, not_before_ms, requester)
        VALUES (@id, @kind, @batch, @account, @amount, @asset, @from, @to, @confirmed, 'queued', @now, @now, @requester);
        """;

    public const string Take = """
        UPDATE work_units SET state = 'running', worker = @w, worker_pid = @pid, worker_host = @host, worker_started_ms = @started,
          token = @t, lease_until_ms = @until, takes = takes + 1,
          message = CASE WHEN @over THEN @note ELSE message END
        WHERE id = @id;
        """;

    public const string RenewAssignments = "lease_until_ms = @until";

    public const string CompleteAssignments = "state = @state, lease_until_ms = NULL, finished_ms = @now, journal_ids = @ids, message = @message";

    public const string HandBackAssignments =
        "state = 'queued', worker = NULL, worker_pid = NULL, worker_host = NULL, worker_started_ms = NULL, lease_until_ms = NULL, not_before_ms = @now + @delay, message = @message";

    public const string Counts = "SELECT state, COUNT(*) FROM work_units GROUP BY state;";

    /// <summary>The holder's half of fencing: the update applies only to the unit still running under the lease's token with
    /// its lease not run out at <c>@now</c>.</summary>
    public static string Fenced(string assignments) => $"""
        UPDATE work_units SET {assignments}
        WHERE id = @id AND state = 'running' AND token = @t AND lease_until_ms > @now
        RETURNING {Columns};
        """;

    public static string Find => $"SELECT {Columns} FROM work_units WHERE id = @id;";

    public static string List(IReadOnlyCollection<WorkUnitState>? states) =>
        $"SELECT {Columns} FROM work_units {(states is { Count: > 0 } ? $"WHERE state IN ({string.Join(", ", states.Select(s => $"'{WorkUnitStates.Name(s)}'"))})" : "")} ORDER BY seq LIMIT @limit;";

    /// <summary>Refuses an order that could not be stored and read back as the same move.</summary>
    public static void Check(WorkOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.Account);
        if (order.Request.Amount <= 0) throw new ArgumentException("A queued move's amount is positive.", nameof(order));
        // What is stored must read back as the same move.
        if (WalletAddress.Parse(order.Request.From.ToString()) != order.Request.From || WalletAddress.Parse(order.Request.To.ToString()) != order.Request.To)
            throw new ArgumentException("A queued move's wallets must read back as written.", nameof(order));
    }

    /// <summary>Binds <see cref="Insert"/> and returns the unit as queued.</summary>
    public static WorkUnit BindInsert(DbCommand cmd, WorkOrder order, DateTimeOffset now)
    {
        var id = NewId(now);
        Set(cmd, "@id", id);
        Set(cmd, "@kind", WorkUnitStates.Name(order.Kind));
        Set(cmd, "@batch", order.Batch);
        Set(cmd, "@account", order.Account);
        Set(cmd, "@amount", WireDecimal.Format(order.Request.Amount));
        Set(cmd, "@asset", order.Request.Asset);
        Set(cmd, "@from", order.Request.From.ToString());
        Set(cmd, "@to", order.Request.To.ToString());
        Set(cmd, "@confirmed", order.ConfirmedAt?.ToUnixTimeMilliseconds());
        Set(cmd, "@now", now.ToUnixTimeMilliseconds());
        Set(cmd, "@requester", order.QueuedBy?.ToString());
        return new WorkUnit(id, order, WorkUnitState.Queued, now, null, 0, null, [], null);
    }

    /// <summary>Binds <see cref="Take"/> and returns the lease on <paramref name="unit"/>; <paramref name="abandoned"/> says
    /// whether it is taken over from another worker.</summary>
    public static WorkLease BindTake(DbCommand cmd, WorkUnit unit, WorkerIdentity worker, long token, DateTimeOffset until, bool abandoned)
    {
        Set(cmd, "@w", worker.Id);
        Set(cmd, "@pid", worker.Pid);
        Set(cmd, "@host", worker.Host);
        Set(cmd, "@started", worker.StartedAtMs);
        Set(cmd, "@t", token);
        Set(cmd, "@until", until.ToUnixTimeMilliseconds());
        Set(cmd, "@over", abandoned);
        Set(cmd, "@note", abandoned ? $"taken over from worker {unit.Holder!.Worker.Id}" : null);
        Set(cmd, "@id", unit.Id);
        var held = unit with { State = WorkUnitState.Running, Holder = new WorkHolder(worker, token, until), Takes = unit.Takes + 1 };
        return new WorkLease(held, worker, token, until, abandoned);
    }

    /// <summary>Binds the fencing parameters of <see cref="Fenced"/>.</summary>
    public static void BindFence(DbCommand cmd, WorkLease lease, DateTimeOffset now)
    {
        Set(cmd, "@id", lease.Unit.Id);
        Set(cmd, "@t", lease.Token);
        Set(cmd, "@now", now.ToUnixTimeMilliseconds());
    }

    public static void BindComplete(DbCommand cmd, WorkResult result)
    {
        Set(cmd, "@state", WorkUnitStates.Name(result.State));
        Set(cmd, "@ids", string.Join(' ', result.JournalIds));
        Set(cmd, "@message", result.Message);
    }

    public static void BindHandBack(DbCommand cmd, WorkLease lease, string reason, TimeSpan delay)
    {
        Set(cmd, "@delay", (long)Math.Max(0, delay.TotalMilliseconds));
        Set(cmd, "@message", $"handed back by worker {lease.Worker.Id}: {reason}");
    }

    /// <summary>Why a fenced write found nothing to update, as the refusal the holder hears.</summary>
    public static WorkLeaseLostException Lost(WorkLease lease, WorkUnit? current) => new(lease.Unit.Id, current switch
    {
        null => "it is gone",
        { Holder: { } h } when h.Token != lease.Token => $"worker {h.Worker.Id} took it over",
        { State: var s } when s != WorkUnitState.Running => $"it is {WorkUnitStates.Name(s)} now",
        _ when current.Holder?.Token != lease.Token => "another worker took it over",
        _ => "its lease ran out",
    });

    public static List<WorkUnit> ReadAll(DbCommand cmd)
    {
        var list = new List<WorkUnit>();
        using (cmd)
        {
            using var r = cmd.ExecuteReader();
            while (r.Read()) list.Add(Read(r));
        }
        return list;
    }

    public static IReadOnlyDictionary<WorkUnitState, int> ReadCounts(DbCommand cmd)
    {
        var counts = new Dictionary<WorkUnitState, int>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) Count(r, counts);
        return counts;
    }

    private static void Count(DbDataReader r, Dictionary<WorkUnitState, int> counts)
    {
        if (WorkUnitStates.TryParse(r.GetString(0), out var state)) counts[state] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
    }

    /// <summary><see cref="ReadAll"/> awaiting the server (PostgreSQL).</summary>
    public static async Task<List<WorkUnit>> ReadAllAsync(DbCommand cmd, CancellationToken ct)
    {
        var list = new List<WorkUnit>();
        await using (cmd.ConfigureAwait(false))
        {
            var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (r.ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false)) list.Add(Read(r));
            }
        }
        return list;
    }

    /// <summary><see cref="ReadCounts"/> awaiting the server (PostgreSQL).</summary>
    public static async Task<IReadOnlyDictionary<WorkUnitState, int>> ReadCountsAsync(DbCommand cmd, CancellationToken ct)
    {
        var counts = new Dictionary<WorkUnitState, int>();
        var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (r.ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false)) Count(r, counts);
        }
        return counts;
    }

    private static WorkUnit Read(DbDataReader r)
    {
        var kind = Enum.GetValues<WorkKind>().FirstOrDefault(k => WorkUnitStates.Name(k) == r.GetString(1));
        if (!WorkUnitStates.TryParse(r.GetString(9), out var state))
            throw new JournalCorruptException($"Work unit {r.GetString(0)} holds an unknown state '{r.GetString(9)}'; Ferry will not act on a queue it cannot read.");
        var request = new TransferRequest(decimal.Parse(r.GetString(4), NumberStyles.Number, CultureInfo.InvariantCulture), r.GetString(5),
            WalletAddress.Parse(r.GetString(6)), WalletAddress.Parse(r.GetString(7)));
        Requester? queuedBy = null;
        if (!r.IsDBNull(21) && !Requester.TryParse(r.GetString(21), out queuedBy))
            throw new JournalCorruptException($"Work unit {r.GetString(0)} names an unreadable requester '{r.GetString(21)}'; Ferry will not act on a queue it cannot read.");
        var order = new WorkOrder(kind, r.GetString(3), request, r.IsDBNull(8) ? null : Ms(Long(r, 8)), r.IsDBNull(2) ? null : r.GetString(2), queuedBy);
        var holder = state == WorkUnitState.Running && !r.IsDBNull(11)
            ? new WorkHolder(new WorkerIdentity(r.GetString(11), (int)Long(r, 12), r.GetString(13), Long(r, 14)), Long(r, 15), Ms(Long(r, 16)))
            : null;
        var ids = r.IsDBNull(19) ? [] : r.GetString(19).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new WorkUnit(r.GetString(0), order, state, Ms(Long(r, 10)), holder, (int)Long(r, 17), r.IsDBNull(18) ? null : Ms(Long(r, 18)),
            ids, r.IsDBNull(20) ? null : r.GetString(20));
    }

    /// <summary>An integer column, whatever width the store gives it.</summary>
    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateTimeOffset Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string NewId(DateTimeOffset now) =>
        "W" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    public static void Set(DbCommand cmd, string name, object? value) => JournalSql.Set(cmd, name, value);
}
