using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ferry.Core.Money;

namespace Ferry.Engine.Audit;

/// <summary>Writes audit rows for other tools: JSON Lines (one object a line) or CSV (RFC 4180: a header row, every field
/// that holds a comma, quote or line break quoted, quotes doubled). Times are ISO 8601 UTC, amounts exact decimal text.
/// The rows hold no secret, so neither does the export.</summary>
public static class AuditExport
{
    /// <summary>The fields of every row, in order (the CSV header; the JSON names).</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["seq", "at", "kind", "actor", "rule", "approvalId", "entryId", "requester", "account", "venue", "from", "to", "asset", "amount", "payloadHash", "message"];

    /// <summary>One JSON object per row, each on its own line.</summary>
    public static void WriteJsonLines(IEnumerable<AuditRecord> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var row in rows)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                var values = Values(row);
                for (var i = 0; i < Fields.Count; i++)
                {
                    if (i == 0) json.WriteNumber(Fields[i], row.Seq);
                    else if (values[i] is { } text) json.WriteString(Fields[i], text);
                    else json.WriteNull(Fields[i]);
                }
                json.WriteEndObject();
            }
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    /// <summary>A header row, then one row per decision.</summary>
    public static void WriteCsv(IEnumerable<AuditRecord> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(string.Join(",", Fields));
        output.Write("\r\n");
        foreach (var row in rows)
        {
            output.Write(string.Join(",", Values(row).Select(Cell)));
            output.Write("\r\n");
        }
    }

    private static string?[] Values(AuditRecord r) =>
    [
        r.Seq.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        AuditRecord.KindName(r.Kind), r.Actor, r.Rule, r.ApprovalId, r.EntryId, r.Move.Requester, r.Move.Account, r.Move.Venue, r.Move.From,
        r.Move.To, r.Move.Asset, WireDecimal.Format(r.Move.Amount), r.Move.Hash, r.Message,
    ];

    private static string Cell(string? value)
    {
        if (value is null) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
