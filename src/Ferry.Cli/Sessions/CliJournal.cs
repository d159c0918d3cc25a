using Ferry.Engine.Accounts;
using Ferry.Binance;
using Ferry.Cli.Output;
using Ferry.Htx;
using Ferry.Engine.Journal;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Sessions;

/// <summary>
/// The journal as the CLI uses it: <c>FERRY_HOME/journal.db</c>, and reconcilers that reuse the command's open session
/// for its own account and open a session for any other account an unresolved entry names.
/// </summary>
internal sealed class CliJournal : IAsyncDisposable
{
    private readonly CliEnvironment _env;
    private readonly Dictionary<string, BinanceClient> _binance = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HtxClient> _htx = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IAsyncDisposable> _opened = [];

    private CliJournal(CliEnvironment env, ITransferJournal journal)
    {
        _env = env;
        Journal = journal;
    }

    public ITransferJournal Journal { get; }

    /// <summary>Opens the journal under FERRY_HOME.</summary>
    public static CliJournal Open(CliEnvironment env)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        home.EnsureExists();
        try
        {
            return new CliJournal(env, SqliteTransferJournal.Open(SqliteTransferJournal.PathUnder(home.Path), env.Time));
        }
        catch (Exception e) when (e is JournalCorruptException or JournalUnavailableException)
        {
            throw CliException.Refused(e.Message);
        }
    }

    /// <summary>Lends an open Binance session's client for its account.</summary>
    public void Use(string accountName, BinanceClient client) => _binance[accountName] = client;

    /// <summary>Lends an open HTX session's client for its account.</summary>
    public void Use(string accountName, HtxClient client) => _htx[accountName] = client;

    /// <summary>The reconciler over this journal. <paramref name="wait"/> false leaves an entry inside its history-lag window unknown.</summary>
    public JournalReconciler Reconciler(bool wait, bool json = false) =>
        new(Journal, Find, _env.Time, new ReconcileOptions { WaitForLag = wait, Waiting = new ReconcileProgress(_env, json).Report });

    /// <summary>Reconciles everything left sending or unknown, printing one line per entry; returns what is still unresolved.</summary>
    public async Task<int> RecoverAsync(Printer printer, bool wait, CancellationToken ct)
    {
        var pending = Journal.List([LegState.Sending, LegState.Unknown]);
        if (pending.Count == 0) return 0;
        await OpenSessionsAsync(pending, ct);
        var results = await Reconciler(wait, printer.Json).ReconcileAllAsync(ct);
        foreach (var r in results)
            printer.Line($"journal {r.Entry.Id}: {LegStates.Name(r.State)} ({r.Reason}).");
        // An entry another live ferry is sending right now is its business, not a leftover of a crash.
        return results.Count(r => r.Entry.NeedsReconciliation && r.HeldBy is null);
    }

    /// <summary>Opens a session for each account the entries name that has none yet.</summary>
    public async Task OpenSessionsAsync(IEnumerable<JournalEntry> entries, CancellationToken ct)
    {
        foreach (var e in entries)
        {
            var name = e.Leg.AccountName;
            try
            {
                if (e.Leg.Venue == "htx" && !_htx.ContainsKey(name))
                {
                    var target = HtxTarget.Resolve(_env, Embedded(name) ? null : name);
                    var session = await HtxSession.OpenAsync(target, _env, ct);
                    _opened.Add(session);
                    _htx[name] = session.Client;
                }
                else if (e.Leg.Venue == "binance" && !_binance.ContainsKey(name))
                {
                    var target = SessionTarget.Resolve(_env, Embedded(name) ? null : name);
                    var session = await BinanceSession.OpenAsync(target, _env, ct);
                    _opened.Add(session);
                    _binance[name] = session.Client;
                }
            }
            catch (Exception x) when (x is CliException or AccountConfigException)
            {
                // No session: the entry stays unknown and says why (no reconciler for its account).
                _env.Log.Info($"journal {e.Id}: cannot open account '{name}': {x.Message}");
            }
        }
    }

    private static bool Embedded(string name) => name == "embedded-sim";

    private ILegReconciler? Find(JournalEntry e) => e.Leg.Venue switch
    {
        "htx" => _htx.TryGetValue(e.Leg.AccountName, out var h) ? new HtxLegReconciler(h) : null,
        "binance" => _binance.TryGetValue(e.Leg.AccountName, out var b) ? new BinanceLegReconciler(b) : null,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _opened) await s.DisposeAsync();
        Journal.Dispose();
    }
}
