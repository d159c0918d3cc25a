using System.Globalization;
using Ferry.Cli.Output.Json;
using Ferry.Engine.Journal;

namespace Ferry.Cli.Sessions;

/// <summary>
/// Says on stderr what reconciliation waits for while it waits out the exchange's history lag (a line when an entry's
/// wait starts and every 10 seconds after; a JSON line each with --json), so a command never sits silent for 30 s.
/// </summary>
internal sealed class ReconcileProgress(CliEnvironment env, bool json)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, DateTimeOffset> _lastSaid = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Report(ReconcileWait wait)
    {
        lock (_gate)
        {
            if (_lastSaid.TryGetValue(wait.EntryId, out var last) && wait.Now - last < Every) return;
            _lastSaid[wait.EntryId] = wait.Now;
        }
        var seconds = Math.Ceiling(wait.Remaining.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        env.Error.WriteLine(json
            ? CompactJson.Serialize(
                new ReconcileWaitingDocument("reconcile-waiting", wait.EntryId, wait.Reason, wait.Until.ToUnixTimeMilliseconds(), Math.Ceiling(wait.Remaining.TotalSeconds)),
                CliJsonContext.Default.ReconcileWaitingDocument)
            : $"ferry: journal {wait.EntryId}: {wait.Reason} yet; waiting for the exchange's history (it may lag) until {wait.Until.UtcDateTime:HH:mm:ss} UTC ({seconds} s more) before concluding it did not execute.");
    }
}
