using System.Data.Common;
using System.Globalization;
using Ferry.Core.Money;
using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;

namespace Ferry.Engine.Journal;

/// <summary>
/// The approval requests, their votes and the audit log inside one store transaction: the same SQL on SQLite and
/// PostgreSQL (each store hands its own command factory). <paramref name="forUpdate"/> is PostgreSQL's row lock suffix
/// (SQLite's write transaction already holds the file's write lock).
/// </summary>
internal sealed class ApprovalRows(Func<string, DbCommand> command, bool disposeCommands, string forUpdate)
{
    private const string ApprovalColumns =
        "id, payload_hash, requester, account, venue, from_wallet, to_wallet, asset, amount, rule, reason, required, approvers, created_ms, expires_ms, state, entry_id";

    private const string AuditColumns =
        "seq, at_ms, kind, actor, rule, approval_id, entry_id, requester, account, venue, from_wallet, to_wallet, asset, amount, message";

    /// <summary>The request, with its votes; <paramref name="lockRow"/> keeps other writers off it until the transaction ends.</summary>
    public async ValueTask<ApprovalRequest?> FindAsync(string id, bool lockRow, CancellationToken ct) =>
        (await ReadApprovalsAsync(Command($"SELECT {ApprovalColumns} FROM approvals WHERE id = @id{(lockRow ? forUpdate : "")};", ("@id", id)), ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The open (waiting or approved) request for a payload, if any (at most one exists).</summary>
    public async ValueTask<ApprovalRequest?> OpenAsync(string payloadHash, CancellationToken ct) =>
        (await ReadApprovalsAsync(Command($"SELECT {ApprovalColumns} FROM approvals WHERE payload_hash = @hash AND state IN ('waiting', 'approved'){forUpdate};", ("@hash", payloadHash)), ct)
            .ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The request a journal entry used, if any.</summary>
    public async ValueTask<ApprovalRequest?> ForEntryAsync(string entryId, CancellationToken ct) =>
        (await ReadApprovalsAsync(Command($"SELECT {ApprovalColumns} FROM approvals WHERE entry_id = @entry;", ("@entry", entryId)), ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Requests, newest first: open ones only, or all.</summary>
    public ValueTask<List<ApprovalRequest>> ListAsync(bool all, int limit, CancellationToken ct) =>
        ReadApprovalsAsync(Command($"SELECT {ApprovalColumns} FROM approvals {(all ? "" : "WHERE state IN ('waiting', 'approved') ")}ORDER BY created_ms DESC, id DESC LIMIT @limit;",
            ("@limit", limit)), ct);

    /// <summary>Writes a new waiting request.</summary>
    public async ValueTask InsertAsync(ApprovalRequest r, CancellationToken ct) => await ExecuteAsync(Command($"""
        INSERT INTO approvals ({ApprovalColumns}, updated_ms)
        VALUES (@id, @hash, @requester, @account, @venue, @from, @to, @asset, @amount, @rule, @reason, @required, @approvers, @created, @expires, @state, NULL, @created);
        """,
        ("@id", r.Id), ("@hash", r.PayloadHash), ("@requester", r.Payload.Requester), ("@account", r.Payload.Account), ("@venue", r.Payload.Venue),
        ("@from", r.Payload.From), ("@to", r.Payload.To), ("@asset", r.Payload.Asset), ("@amount", WireDecimal.Format(r.Payload.Amount)),
        ("@rule", r.Rule), ("@reason", r.Reason), ("@required", r.Required), ("@approvers", string.Join(",", r.Approvers)),
        ("@created", r.CreatedAt.ToUnixTimeMilliseconds()), ("@expires", r.ExpiresAt.ToUnixTimeMilliseconds()), ("@state", ApprovalRequest.StateName(r.State))), ct).ConfigureAwait(false);

    /// <summary>The compare-and-set of a request's state: true when it was in <paramref name="expected"/>.</summary>
    public async ValueTask<bool> SetStateAsync(string id, ApprovalState expected, ApprovalState to, string? entryId, DateTimeOffset now, CancellationToken ct) => await ExecuteAsync(Command("""
        UPDATE approvals SET state = @to, entry_id = COALESCE(@entry, entry_id), updated_ms = @now WHERE id = @id AND state = @expected;
        """, ("@to", ApprovalRequest.StateName(to)), ("@entry", entryId), ("@now", now.ToUnixTimeMilliseconds()), ("@id", id),
        ("@expected", ApprovalRequest.StateName(expected))), ct).ConfigureAwait(false) == 1;

    /// <summary>Marks the open requests of a payload whose time ran out as expired, so a new one may be opened.</summary>
    public async ValueTask ExpireOpenAsync(string payloadHash, DateTimeOffset now, CancellationToken ct) => await ExecuteAsync(Command("""
        UPDATE approvals SET state = 'expired', updated_ms = @now WHERE payload_hash = @hash AND state IN ('waiting', 'approved') AND expires_ms <= @now;
        """, ("@now", now.ToUnixTimeMilliseconds()), ("@hash", payloadHash)), ct).ConfigureAwait(false);

    /// <summary>Records one approver's answer.</summary>
    public async ValueTask InsertVoteAsync(string id, ApprovalVote vote, CancellationToken ct) => await ExecuteAsync(Command("""
        INSERT INTO approval_votes (approval_id, approver, approve, at_ms, reason) VALUES (@id, @approver, @approve, @at, @reason);
        """, ("@id", id), ("@approver", vote.Approver), ("@approve", vote.Approve ? 1 : 0), ("@at", vote.At.ToUnixTimeMilliseconds()), ("@reason", vote.Reason)), ct).ConfigureAwait(false);

    /// <summary>Appends a decision to the audit log.</summary>
    public async ValueTask InsertAuditAsync(AuditRecord a, CancellationToken ct) => await ExecuteAsync(Command("""
        INSERT INTO audit (at_ms, kind, actor, rule, approval_id, entry_id, payload_hash, requester, account, venue, from_wallet, to_wallet, asset, amount, message)
        VALUES (@at, @kind, @actor, @rule, @approval, @entry, @hash, @requester, @account, @venue, @from, @to, @asset, @amount, @message);
        """,
        ("@at", a.At.ToUnixTimeMilliseconds()), ("@kind", AuditRecord.KindName(a.Kind)), ("@actor", a.Actor), ("@rule", a.Rule),
        ("@approval", a.ApprovalId), ("@entry", a.EntryId), ("@hash", a.Move.Hash), ("@requester", a.Move.Requester), ("@account", a.Move.Account),
        ("@venue", a.Move.Venue), ("@from", a.Move.From), ("@to", a.Move.To), ("@asset", a.Move.Asset), ("@amount", WireDecimal.Format(a.Move.Amount)),
        ("@message", a.Message)), ct).ConfigureAwait(false);

    /// <summary>The audit log from <paramref name="since"/> on, oldest first.</summary>
    public async ValueTask<List<AuditRecord>> AuditAsync(DateTimeOffset since, int limit, CancellationToken ct)
    {
        var cmd = Command($"SELECT {AuditColumns} FROM audit WHERE at_ms >= @since ORDER BY seq LIMIT @limit;", ("@since", since.ToUnixTimeMilliseconds()), ("@limit", limit));
        try
        {
            var list = new List<AuditRecord>();
            var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using var _ = r.ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var move = new MovePayload(r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12), Amount(r.GetString(13)));
                list.Add(new AuditRecord(r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), AuditRecord.ParseKind(r.GetString(2)),
                    r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), move, r.GetString(14)));
            }
            return list;
        }
        finally
        {
            Done(cmd);
        }
    }

    private async ValueTask<List<ApprovalRequest>> ReadApprovalsAsync(DbCommand cmd, CancellationToken ct)
    {
        var list = new List<ApprovalRequest>();
        try
        {
            var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using var _ = r.ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var payload = new MovePayload(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), Amount(r.GetString(8)));
                var approvers = r.GetString(12).Split(',', StringSplitOptions.RemoveEmptyEntries);
                list.Add(new ApprovalRequest(r.GetString(0), payload, r.GetString(1), Text(r, 9), r.GetString(10), Convert.ToInt32(r.GetValue(11), CultureInfo.InvariantCulture),
                    approvers, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(14)),
                    ApprovalRequest.ParseState(r.GetString(15)), Text(r, 16), []));
            }
        }
        finally
        {
            Done(cmd);
        }
        var withVotes = new List<ApprovalRequest>(list.Count);
        foreach (var a in list) withVotes.Add(a with { Votes = await VotesAsync(a.Id, ct).ConfigureAwait(false) });
        return withVotes;
    }

    private async ValueTask<List<ApprovalVote>> VotesAsync(string id, CancellationToken ct)
    {
        var cmd = Command("SELECT approver, approve, at_ms, reason FROM approval_votes WHERE approval_id = @id ORDER BY at_ms, approver;", ("@id", id));
        try
        {
            var votes = new List<ApprovalVote>();
            var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using var _ = r.ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                votes.Add(new ApprovalVote(r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture) == 1,
                    DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), Text(r, 3)));
            }
            return votes;
        }
        finally
        {
            Done(cmd);
        }
    }

    private static decimal Amount(string text) => AmountText.TryParseExact(text, out var value)
        ? value
        : throw new JournalCorruptException($"An approval or audit row holds the amount '{AmountText.Shown(text)}', which is not a decimal.");

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private async ValueTask<int> ExecuteAsync(DbCommand cmd, CancellationToken ct)
    {
        try
        {
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Done(cmd);
        }
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = command(sql);
        foreach (var (name, value) in parameters) JournalSql.Set(cmd, name, value);
        return cmd;
    }

    private void Done(DbCommand cmd)
    {
        if (disposeCommands) cmd.Dispose();
    }
}
