using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ferry.Core.Money;

namespace Ferry.Engine.Journal;

/// <summary>How a leg row is stored and read back, the same in every store (SQLite, PostgreSQL): one fixed column order
/// read by ordinal, the request parameters as a JSON array of pairs, ids, event and claim rows, and the read-side half of
/// the paired checks.</summary>
internal static class JournalRows
{
    /// <summary>Every column of a leg, in the order <see cref="Read"/> reads them.</summary>
    public const string Columns = """
        id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount, client_tran_id,
        state, attempt, created_ms, updated_ms, sent_ms, exchange_id, history_id, error_code, message, route_id, route_leg, requester
        """;

    /// <summary>The columns a transition changes, in the order <see cref="ReadChanged"/> reads them.</summary>
    public const string ChangedColumns = "state, attempt, updated_ms, sent_ms, exchange_id, history_id, error_code, message";

    /// <summary>Reads the current row (selected with <see cref="Columns"/>) and checks what its state implies.</summary>
    public static JournalEntry Read(DbDataReader r)
    {
        var id = r.GetString(0);
        if (!WireDecimal.TryParse(r.GetString(10), out var amount))
            throw new JournalCorruptException($"Journal entry {id} holds an unreadable amount.");
        var leg = new LegDescription(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), ReadParameters(id, r.GetString(6)),
            r.GetString(7), r.GetString(8), r.GetString(9), amount, Text(r, 11), Text(r, 1))
        {
            RouteId = Text(r, 21), RouteLeg = r.IsDBNull(22) ? null : r.GetInt32(22), Requester = ReadRequester(id, Text(r, 23)),
        };
        var entry = new JournalEntry(id, leg, LegStates.Parse(r.GetString(12)), r.GetInt32(13), Time(r, 14), Time(r, 15),
            r.IsDBNull(16) ? null : Time(r, 16), Text(r, 17), Text(r, 18), Text(r, 19), Text(r, 20));
        Check(entry);
        return entry;
    }

    /// <summary>Every move <paramref name="cmd"/> selects with <see cref="JournalSql.CountedMoves"/>.</summary>
    public static async ValueTask<List<CountedMove>> ReadCountedAsync(DbCommand cmd, CancellationToken ct)
    {
        var list = new List<CountedMove>();
        var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var _ = r.ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = r.GetString(0);
            if (!WireDecimal.TryParse(r.GetString(6), out var amount))
                throw new JournalCorruptException($"Journal entry {id} holds an unreadable amount.");
            list.Add(new CountedMove(ReadRequester(id, Text(r, 1)), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(8),
                r.GetString(5), amount, Time(r, 7)));
        }
        return list;
    }

    /// <summary>Every entry <paramref name="cmd"/> selects with <see cref="Columns"/>.</summary>
    public static async ValueTask<List<JournalEntry>> ReadAllAsync(DbCommand cmd, CancellationToken ct)
    {
        var list = new List<JournalEntry>();
        var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var _ = r.ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) list.Add(Read(r));
        return list;
    }

    /// <summary>The first entry <paramref name="cmd"/> selects with <see cref="Columns"/>, or null.</summary>
    public static async ValueTask<JournalEntry?> ReadOneAsync(DbCommand cmd, CancellationToken ct)
    {
        var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var _ = r.ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? Read(r) : null;
    }

    /// <summary>The set of the first column's text of every row <paramref name="cmd"/> selects.</summary>
    public static async ValueTask<IReadOnlySet<string>> ReadIdsAsync(DbCommand cmd, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var _ = r.ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>Every claim <paramref name="cmd"/> selects with <see cref="ClaimColumns"/>.</summary>
    public static async ValueTask<List<JournalClaim>> ReadClaimsAsync(DbCommand cmd, CancellationToken ct)
    {
        var list = new List<JournalClaim>();
        var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var _ = r.ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) list.Add(ReadClaim(r));
        return list;
    }

    /// <summary>The events of entry <paramref name="id"/> that <paramref name="cmd"/> selects with <see cref="EventColumns"/>.</summary>
    public static async ValueTask<List<JournalEvent>> ReadEventsAsync(DbCommand cmd, string id, CancellationToken ct)
    {
        var list = new List<JournalEvent>();
        var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var _ = r.ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) list.Add(ReadEvent(r, id));
        return list;
    }

    /// <summary>Reads a row returned with <see cref="ChangedColumns"/> onto the description the caller holds (the columns of
    /// a leg's description never change once written), and checks it.</summary>
    public static JournalEntry ReadChanged(DbDataReader r, string id, LegDescription leg, DateTimeOffset createdAt) =>
        ReadChanged(new DataReaderRow(r), id, leg, createdAt);

    /// <inheritdoc cref="ReadChanged(DbDataReader, string, LegDescription, DateTimeOffset)"/>
    public static JournalEntry ReadChanged<TRow>(TRow r, string id, LegDescription leg, DateTimeOffset createdAt) where TRow : IRowValues
    {
        var entry = new JournalEntry(id, leg, LegStates.Parse(r.Text(0)), r.Int32(1), createdAt, Time(r, 2),
            r.IsNull(3) ? null : Time(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7));
        Check(entry);
        return entry;
    }

    /// <summary>The read-side half of the paired checks: what each state implies about the stored fields.</summary>
    public static void Check(JournalEntry e)
    {
        if (e.Attempt < 1) throw new JournalCorruptException($"Journal entry {e.Id} has attempt {e.Attempt}.");
        if (e.State != LegState.Planned && e.SentAt is null && !(e.State == LegState.NotExecuted && e.Attempt == 1))
            throw new JournalCorruptException($"Journal entry {e.Id} is {LegStates.Name(e.State)} but has no send time.");
        if (e.State == LegState.Planned && e.SentAt is not null)
            throw new JournalCorruptException($"Journal entry {e.Id} is planned but has a send time.");
        if (e.State == LegState.Done && e.ExchangeId is null && e.HistoryId is null)
            throw new JournalCorruptException($"Journal entry {e.Id} is done but names no transfer id.");
    }

    /// <summary>Every column of a claim, in the order <see cref="ReadClaim"/> reads them.</summary>
    public const string ClaimColumns = "subject, token, owner, pid, host, started_ms, claimed_ms, lease_until_ms";

    /// <summary>The columns of an event, in the order <see cref="ReadEvent"/> reads them.</summary>
    public const string EventColumns = "seq, at_ms, attempt, from_state, to_state, detail";

    /// <summary>Reads a claim row selected with <see cref="ClaimColumns"/>.</summary>
    public static JournalClaim ReadClaim(DbDataReader r) => ReadClaim(new DataReaderRow(r));

    /// <inheritdoc cref="ReadClaim(DbDataReader)"/>
    public static JournalClaim ReadClaim<TRow>(TRow r) where TRow : IRowValues =>
        new(r.Text(0), r.Int64(1), new JournalOwner(r.Text(2), r.Int32(3), r.Text(4), r.Int64(5)), Time(r, 6), Time(r, 7));

    /// <summary>Reads an event row of entry <paramref name="id"/> selected with <see cref="EventColumns"/>.</summary>
    public static JournalEvent ReadEvent(DbDataReader r, string id) =>
        new(id, r.GetInt64(0), Time(r, 1), r.GetInt32(2), r.IsDBNull(3) ? null : LegStates.Parse(r.GetString(3)),
            LegStates.Parse(r.GetString(4)), Text(r, 5));

    /// <summary>The event chain must be a legal walk that ends in the entry's state.</summary>
    public static void CheckEvents(JournalEntry entry, IReadOnlyList<JournalEvent> events)
    {
        LegState? state = null;
        foreach (var e in events)
        {
            if (e.From != state || (state is { } s && !LegStates.IsLegal(s, e.To)) || (state is null && e.To != LegState.Planned))
                throw new JournalCorruptException($"Journal entry {entry.Id} has an illegal recorded step at #{e.Seq}.");
            state = e.To;
        }
        if (state != entry.State)
            throw new JournalCorruptException($"Journal entry {entry.Id} is {LegStates.Name(entry.State)} but its steps end elsewhere.");
    }

    /// <summary>The write-side check of a new leg.</summary>
    public static void CheckNew(LegDescription leg, string parameter)
    {
        ArgumentNullException.ThrowIfNull(leg, parameter);
        if (leg.Amount <= 0) throw new ArgumentException("A journaled leg moves a positive amount.", parameter);
    }

    /// <summary>A new stable entry id: its creation second and 40 random bits (<c>J20260105120000-3f9c0a1b2c</c>).</summary>
    public static string NewId(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[5];
        RandomNumberGenerator.Fill(random);
        return $"J{now.UtcDateTime:yyyyMMddHHmmss}-{Convert.ToHexStringLower(random)}";
    }

    /// <summary>What an event records besides its states: ids, code and message, or null.</summary>
    public static string? Detail(TransitionDetails? d)
    {
        if (d is null || (d.ExchangeId ?? d.HistoryId ?? d.ErrorCode ?? d.Message) is null) return null;
        // One string built in a pooled buffer: a leg's answer writes this on every send.
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture);
        var first = true;
        Part(ref text, ref first, "id ", d.ExchangeId);
        Part(ref text, ref first, "history row ", d.HistoryId);
        Part(ref text, ref first, "code ", d.ErrorCode);
        Part(ref text, ref first, "", d.Message);
        return text.ToStringAndClear();

        static void Part(ref DefaultInterpolatedStringHandler text, ref bool first, string label, string? value)
        {
            if (value is null) return;
            if (!first) text.AppendLiteral("; ");
            first = false;
            text.AppendLiteral(label);
            text.AppendFormatted(value);
        }
    }

    /// <summary>The parameters as a JSON array of [name, value] pairs.</summary>
    public static string WriteParameters(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer)) WriteParameters(json, parameters);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the parameters as a JSON array of [name, value] pairs and flushes <paramref name="json"/>.</summary>
    public static void WriteParameters(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        json.WriteStartArray();
        for (var i = 0; i < parameters.Count; i++)
        {
            var (k, v) = parameters[i];
            json.WriteStartArray();
            json.WriteStringValue(k);
            json.WriteStringValue(v);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.Flush();
    }

    private static List<KeyValuePair<string, string>> ReadParameters(string id, string json)
    {
        try
        {
            var list = new List<KeyValuePair<string, string>>();
            using var doc = JsonDocument.Parse(json);
            foreach (var pair in doc.RootElement.EnumerateArray()) list.Add(new(pair[0].GetString()!, pair[1].GetString()!));
            return list;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new JournalCorruptException($"Journal entry {id} holds unreadable request parameters.");
        }
    }

    private static Policy.Requester? ReadRequester(string id, string? text)
    {
        if (text is null) return null;
        return Policy.Requester.TryParse(text, out var requester)
            ? requester
            : throw new JournalCorruptException($"Journal entry {id} names an unreadable requester.");
    }

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateTimeOffset Time(DbDataReader r, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(ordinal));

    private static string? Text<TRow>(TRow r, int ordinal) where TRow : IRowValues => r.IsNull(ordinal) ? null : r.Text(ordinal);

    private static DateTimeOffset Time<TRow>(TRow r, int ordinal) where TRow : IRowValues => DateTimeOffset.FromUnixTimeMilliseconds(r.Int64(ordinal));
}
