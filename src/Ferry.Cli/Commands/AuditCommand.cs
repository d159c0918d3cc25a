using System.CommandLine;
using System.Globalization;
using Ferry.Cli.Sessions;
using Ferry.Engine.Audit;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry audit export --since TIME [--format jsonl|csv] [--out FILE]</c>: the transfer policy's decisions
/// (allowed, blocked, waiting, approved, denied, executed) from the journal's audit log, for other tools.</summary>
internal static class AuditCommand
{
    public static Command Create(CliEnvironment env)
    {
        var since = new Option<string>("--since") { Description = "From when: an ISO 8601 time (2026-12-06, 2026-12-06T09:00Z) or a span back from now (24h, 7d, 30m).", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (one JSON object a line) or csv.", DefaultValueFactory = _ => "jsonl" };
        var output = new Option<string?>("--out") { Description = "Write to this new file instead of standard output (an existing file is not overwritten)." };
        var export = new Command("export", "Export the audit log's decisions since a time, oldest first.") { since, format, output };
        export.SetAction((parse, _) => ExportAsync(env, parse.GetValue(since)!, parse.GetValue(format)!, parse.GetValue(output)));
        return new Command("audit", "The audit log: every decision of the transfer policy, in the journal's database.") { export };
    }

    private static async Task<int> ExportAsync(CliEnvironment env, string sinceText, string format, string? path)
    {
        var from = Since(sinceText, env.Time.GetUtcNow());
        var csv = format.ToLowerInvariant() switch
        {
            "csv" => true,
            "jsonl" => false,
            _ => throw CliException.BadInput($"--format '{format}' is not a format; use jsonl or csv."),
        };
        var full = path is null ? null : Path.GetFullPath(path);
        if (full is not null && (File.Exists(full) || Directory.Exists(full)))
            throw CliException.BadInput($"{full} already exists; name a new file (nothing was written).");
        await using var service = CliServices.Open(env, json: false);
        var rows = await service.AuditAsync(from);
        if (full is null)
        {
            Write(rows, env.Out, csv);
            return ExitCodes.Ok;
        }
        try
        {
            using var file = new StreamWriter(new FileStream(full, FileMode.CreateNew, FileAccess.Write), new System.Text.UTF8Encoding(false));
            Write(rows, file, csv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Refused($"{full} cannot be written ({e.Message.TrimEnd('.')}).");
        }
        env.Error.WriteLine($"Wrote {rows.Count} decision{(rows.Count == 1 ? "" : "s")} to {full}.");
        return ExitCodes.Ok;
    }

    private static void Write(IReadOnlyList<AuditRecord> rows, TextWriter output, bool csv)
    {
        if (csv) AuditExport.WriteCsv(rows, output);
        else AuditExport.WriteJsonLines(rows, output);
    }

    /// <summary>An ISO 8601 time (UTC unless it says otherwise) or a span back from now: a whole number with s, m, h or d.</summary>
    private static DateTimeOffset Since(string text, DateTimeOffset now)
    {
        var t = text.Trim();
        if (t.Length >= 2 && long.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 36_600)
        {
            TimeSpan? back = t[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (back is { } span) return now - span;
        }
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && t.Length >= 10 && char.IsAsciiDigit(t[0]))
        {
            return at;
        }
        throw CliException.BadInput($"--since '{Ferry.Core.Money.AmountText.Shown(t)}' is not a time; write an ISO 8601 time such as 2026-12-06T09:00Z, or a span such as 24h or 7d.");
    }
}
