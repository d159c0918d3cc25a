using System.Buffers;
using System.Text;
using System.Text.Json;
using Ferry.Core.Money;
using Microsoft.Data.Sqlite;

namespace Ferry.Engine.Journal;

/// <summary>How a leg row is stored and read back in the SQLite journal: one fixed column order read by ordinal, the
/// request parameters as a JSON array of pairs, and the read-side half of the paired checks.</summary>
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
    public static JournalEntry Read(SqliteDataReader r)
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

    /// <summary>Reads a row returned with <see cref="ChangedColumns"/> onto the description the caller holds (the columns of
    /// a leg's description never change once written), and checks it.</summary>
    public static JournalEntry ReadChanged(SqliteDataReader r, string id, LegDescription leg, DateTimeOffset createdAt)
    {
        var entry = new JournalEntry(id, leg, LegStates.Parse(r.GetString(0)), r.GetInt32(1), createdAt, Time(r, 2),
            r.IsDBNull(3) ? null : Time(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7));
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

    /// <summary>The parameters as a JSON array of [name, value] pairs.</summary>
    public static string WriteParameters(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (k, v) in parameters)
            {
                json.WriteStartArray();
                json.WriteStringValue(k);
                json.WriteStringValue(v);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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

    private static string? Text(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateTimeOffset Time(SqliteDataReader r, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(ordinal));
}
