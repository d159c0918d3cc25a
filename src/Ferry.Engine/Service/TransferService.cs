using Ferry.Core.Money;
using Ferry.Engine.Execution;
using System.Security.Cryptography;
using Ferry.Core.Outcomes;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Engine.Approvals;
using Ferry.Engine.Audit;
using Ferry.Engine.Balances;
using Ferry.Engine.History;
using Ferry.Engine.Journal;
using Ferry.Engine.Moves;
using Ferry.Engine.Policy;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;
using Microsoft.Extensions.Logging;

namespace Ferry.Engine.Service;

/// <summary>
/// The engine's one door: every front end (the CLI, the MCP server, the soak, the coming HTTP service and workers) plans,
/// runs, resumes and reconciles moves through it, on every venue through the same methods. It returns typed results and
/// never prints, asks or exits: consent and rendering are the front end's.
/// <para>Each move goes the one way: plan → journal (every leg written before it is sent) → send (through the leg's
/// venue session) → reconcile (anything left sending or unknown, before anything new is sent).</para>
/// One instance serves one unit of work (a command, a request); dispose it to close its journal and sessions.
/// </summary>
public sealed partial class TransferService : IAsyncDisposable
{
    private readonly TransferServiceOptions _options;
    private readonly Dictionary<(Venue, string), IVenueSession> _sessions = [];
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly SemaphoreSlim _opening = new(1, 1);
    private ITransferJournal? _journal;
    private bool _recovered;
    private readonly PolicyGate? _policy;

    public TransferService(TransferServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (options.LoadPolicy is { } load) _policy = new PolicyGate(load, options.Accounts, options.Time);
    }

    /// <summary>Who asks for this service's moves.</summary>
    public Requester Requester => _options.Requester;

    /// <summary>The accounts this service knows.</summary>
    public IReadOnlyList<AccountDefinition> Accounts => _options.Accounts;

    /// <summary>The service's clock.</summary>
    public TimeProvider Time => _options.Time;

    /// <summary>The journal, opened on first use (once, whoever asks first); with a policy, every move it starts is checked
    /// in its write transaction.</summary>
    public async ValueTask<ITransferJournal> JournalAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _journal) is { } open) return open;
        await _opening.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_journal is null) Volatile.Write(ref _journal, WithPolicy(await _options.OpenJournal(ct).ConfigureAwait(false)));
            return _journal!;
        }
        finally
        {
            _opening.Release();
        }
    }

    private ITransferJournal WithPolicy(ITransferJournal journal)
    {
        if (_policy is not null) journal.Admission = _policy.AdmitAsync;
        return journal;
    }

    // ---- accounts ----

    /// <summary>The account named <paramref name="name"/> on <paramref name="venue"/>; throws <see cref="TransferRefusedException"/>
    /// when it is not configured (any more).</summary>
    public AccountDefinition Account(Venue venue, string name) =>
        FindAccount(venue, name) ?? throw new TransferRefusedException(
            $"The route's account '{name}' is not configured here any more; configure it again to run its legs.");

    private AccountDefinition? FindAccount(Venue venue, string name) =>
        _options.Accounts.FirstOrDefault(a => a.Venue == venue && string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The keys the router may use for <paramref name="home"/> (see <see cref="RoutingKeys"/>).</summary>
    public (RoutingAccount Home, IReadOnlyList<RoutingAccount> All) Routing(AccountDefinition home) => RoutingKeys.For(home, _options.Accounts);

    // ---- plan ----

    /// <summary>Plans <paramref name="request"/> for the account named <paramref name="accountName"/> on the venue its
    /// wallets name: a Binance route (one or more legs) or an HTX spot ⇄ swap transfer. Sends and writes nothing; throws
    /// <see cref="TransferPlanningException"/> with one sentence when it cannot.</summary>
    public Task<TransferProposal> PlanAsync(TransferRequest request, string accountName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        var htx = request.From.Venue == Venue.Htx || request.To.Venue == Venue.Htx;
        var home = FindAccount(htx ? Venue.Htx : Venue.Binance, accountName)
            ?? _options.Accounts.FirstOrDefault(a => string.Equals(a.Name, accountName, StringComparison.OrdinalIgnoreCase))
            ?? throw new TransferPlanningException($"There is no account named '{accountName}'.");
        if (htx)
        {
            var leg = HtxTransferPlanner.Plan(request, home.Name, home.Venue);
            return Task.FromResult(new TransferProposal(request, home, [leg], [home], null));
        }
        if (home.Venue != Venue.Binance)
            throw new TransferPlanningException($"Account '{home.Name}' is an {home.Venue.Display()} account, but the move names Binance wallets.");
        var (own, keys) = Routing(home);
        var route = TransferRouter.Plan(request, own, keys);
        var accounts = route.Legs.Select(l => string.Equals(l.AccountName, home.Name, StringComparison.OrdinalIgnoreCase) ? home : Account(Venue.Binance, l.AccountName)).ToList();
        return Task.FromResult(new TransferProposal(route.Request, home, route.Legs, accounts, route));
    }

    /// <summary>Refuses legs whose accounts cannot run transfers here (a testnet serves none of these endpoints); sends nothing.
    /// <paramref name="what"/> names the transfers in the sentence ("wallet transfers").</summary>
    public static void RequireRunnable(IEnumerable<AccountDefinition> accounts, string what = "wallet transfers")
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts.Where(a => a.Environment == AccountEnvironment.Testnet))
        {
            throw new TransferRefusedException(account.Venue == Venue.Htx
                ? "HTX has no testnet for these endpoints; use the simulator instead (omit --account, or configure a 'sim' account)."
                : $"Binance's testnet does not serve /sapi endpoints, so {what} cannot run there; use the simulator instead (omit --account, or configure a 'sim' account).");
        }
    }

    // ---- run ----

    /// <summary>Opens a session for each account (once per service); the connector announces what it opened.</summary>
    public async Task ConnectAsync(IEnumerable<AccountDefinition> accounts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var account in accounts) await SessionAsync(account, ct).ConfigureAwait(false);
    }

    /// <summary>The open session of <paramref name="account"/>, opened now when it is not yet.</summary>
    public async Task<IVenueSession> SessionAsync(AccountDefinition account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _connecting.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var key = (account.Venue, account.Name.ToLowerInvariant());
            if (_sessions.TryGetValue(key, out var open)) return open;
            var session = await _options.Venues.OpenAsync(account, ct).ConfigureAwait(false);
            _sessions[key] = session;
            return session;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>Executes a proposal: connects its accounts, reconciles what an earlier run left unresolved, journals every
    /// leg before it is sent, and sends a lone leg once or a route leg after leg. Consent is the caller's.</summary>
    public async Task<TransferExecution> ExecuteAsync(TransferProposal proposal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        RequireRunnable(proposal.LegAccounts);
        await ConnectAsync(proposal.LegAccounts, ct).ConfigureAwait(false);
        await RecoverAsync(ct).ConfigureAwait(false);
        await RequireSourceCoversAsync(proposal, ct).ConfigureAwait(false);
        if (!proposal.IsRoute)
        {
            var leg = proposal.Legs[0];
            var session = await SessionAsync(proposal.LegAccounts[0], ct).ConfigureAwait(false);
            var (entry, result) = await JournaledExecutor.ExecuteAsync(await JournalAsync(ct).ConfigureAwait(false), leg.Describe() with { Requester = _options.Requester },
                c => session.SendAsync(leg, c), ct).ConfigureAwait(false);
            LogLeg(entry);
            return new TransferExecution(entry, null, result);
        }
        return await RunRouteAsync(proposal, ct).ConfigureAwait(false);
    }

    /// <summary>Executes a Binance proposal as a route even when it has one leg (its legs journaled under a route id):
    /// connects, reconciles first, then sends leg after leg. Consent is the caller's.</summary>
    public async Task<TransferExecution> RunRouteAsync(TransferProposal proposal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var route = proposal.Route ?? throw new ArgumentException("Only a proposal with a route runs as one.", nameof(proposal));
        RequireRunnable(proposal.LegAccounts);
        await ConnectAsync(proposal.LegAccounts, ct).ConfigureAwait(false);
        await RecoverAsync(ct).ConfigureAwait(false);
        await RequireSourceCoversAsync(proposal, ct).ConfigureAwait(false);
        LegSendResult? last = null;
        var run = await RouteExecutor.ExecuteAsync(await JournalAsync(ct).ConfigureAwait(false), route, async (leg, c) => last = await SendAsync(leg, c).ConfigureAwait(false),
            await ReconcilerAsync(wait: true, ct).ConfigureAwait(false), ct, _options.Time, requester: _options.Requester).ConfigureAwait(false);
        LogRoute(run);
        return new TransferExecution(null, run, last);
    }

    /// <summary>Refuses, before anything is journaled or sent, a move whose source wallet holds less of the asset than it
    /// moves (read just now; later legs of a route start from wallets the earlier legs fill). A read that does not end Done
    /// leaves the decision to the exchange.</summary>
    private async Task RequireSourceCoversAsync(TransferProposal proposal, CancellationToken ct)
    {
        if (proposal.Legs[0] is not TransferLeg first) return;
        var account = proposal.LegAccounts[0];
        var available = await SourceBalance.AvailableAsync(await BinanceAsync(account, ct).ConfigureAwait(false), first.From, account.Email, first.Asset, ct)
            .ConfigureAwait(false);
        if (available is { } held && held < first.Amount)
        {
            throw new TransferRefusedException(
                $"'{first.From}' holds {WireDecimal.Format(held)} {first.Asset} that can move now, less than the {WireDecimal.Format(first.Amount)} {first.Asset} to move; nothing was sent.");
        }
    }

    private async Task<LegSendResult> SendAsync(ITransferPlan leg, CancellationToken ct)
    {
        var session = await SessionAsync(Account(leg.Venue, leg.AccountName), ct).ConfigureAwait(false);
        return await session.SendAsync(leg, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Drives one intended move, named by a caller-chosen <paramref name="intentKey"/> unique to it, to done exactly once:
    /// whatever earlier attempts of this or another (crashed) process left is reconciled first, and only a move proved not
    /// executed is sent again. Safe to call again after any interruption, from any number of processes on one journal
    /// (an intent another live process holds comes back <see cref="IntentStatus.Held"/>). Consent is the caller's.
    /// </summary>
    public Task<IntentRun> MoveOnceAsync(string intentKey, TransferProposal proposal, CancellationToken ct) =>
        MoveOnceAsync(intentKey, proposal, resendRejected: true, ct);

    /// <summary>As <see cref="MoveOnceAsync(string, TransferProposal, CancellationToken)"/>; with <paramref name="resendRejected"/>
    /// false a rejected leg (which did not execute) settles the intent instead of being sent again, as a queued unit wants.</summary>
    public async Task<IntentRun> MoveOnceAsync(string intentKey, TransferProposal proposal, bool resendRejected, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(intentKey);
        ArgumentNullException.ThrowIfNull(proposal);
        RequireRunnable(proposal.LegAccounts);
        await ConnectAsync(proposal.LegAccounts, ct).ConfigureAwait(false);
        await RecoverAsync(ct).ConfigureAwait(false);
        return await new IntentDriver(await JournalAsync(ct).ConfigureAwait(false), SendAsync, await ReconcilerAsync(wait: true, ct).ConfigureAwait(false), _options.Time, _options.Requester, resendRejected).DriveAsync(intentKey, proposal, ct).ConfigureAwait(false);
    }

    // ---- routes ----

    /// <summary>The route an id names (a route id, any of its legs' journal ids, or "latest" for the newest route); null when none.</summary>
    public async Task<string?> FindRouteAsync(string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim();
        var journal = await JournalAsync(ct).ConfigureAwait(false);
        return trimmed == "latest"
            ? await journal.LatestRouteIdAsync(ct).ConfigureAwait(false)
            : await RouteExecutor.FindRouteAsync(journal, trimmed, ct).ConfigureAwait(false);
    }

    /// <summary>The route's legs as the journal holds them now.</summary>
    public async Task<IReadOnlyList<RouteLegEntry>> RouteLegsAsync(string routeId, CancellationToken ct = default) =>
        await RouteExecutor.LegsAsync(await JournalAsync(ct).ConfigureAwait(false), routeId, ct).ConfigureAwait(false);

    /// <summary>The accounts the legs name (each once), as configured here.</summary>
    public IReadOnlyList<AccountDefinition> AccountsOf(IEnumerable<LegDescription> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        return legs.Select(l => (Venue: VenueOf(l), l.AccountName)).Distinct().Select(l => Account(l.Venue, l.AccountName)).ToList();
    }

    /// <summary>Continues a route from its first leg that is not done (connecting its accounts and reconciling first). The
    /// policy judges the rest of the move as asked by this service's requester (rolling limits already count the route).</summary>
    public async Task<TransferExecution> ResumeAsync(string routeId, CancellationToken ct)
    {
        var legs = await RouteLegsAsync(routeId, ct).ConfigureAwait(false);
        var remaining = legs.SkipWhile(l => l.Entry.State == LegState.Done).Select(l => l.Entry.Leg).ToList();
        if (remaining.Count > 0 && _policy is not null)
        {
            var firstEntries = legs.Where(l => l.Entry.Leg.StartsMove).Select(l => l.Entry.Id).ToHashSet(StringComparer.Ordinal);
            var approval = firstEntries.Count == 0 ? null : (await (await JournalAsync(ct).ConfigureAwait(false)).ApprovalsAsync(all: true, limit: int.MaxValue, ct).ConfigureAwait(false)).FirstOrDefault(a => a.EntryId is { } e && firstEntries.Contains(e));
            _policy.AdmitResumed(remaining[0], legs[^1].Entry.Leg.To, _options.Requester, approval);
        }
        var accounts = AccountsOf(remaining);
        RequireRunnable(accounts);
        await ConnectAsync(accounts, ct).ConfigureAwait(false);
        await RecoverAsync(ct).ConfigureAwait(false);
        LegSendResult? last = null;
        var run = await RouteExecutor.RunAsync(await JournalAsync(ct).ConfigureAwait(false), routeId, async (leg, c) => last = await SendAsync(leg, c).ConfigureAwait(false),
            await ReconcilerAsync(wait: true, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        LogRoute(run);
        return new TransferExecution(null, run, last);
    }

    // ---- journal ----

    /// <summary>Entries, newest first.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ListAsync(IReadOnlyCollection<LegState>? states = null, int limit = int.MaxValue, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return await (await JournalAsync(ct).ConfigureAwait(false)).ListAsync(states, limit, ct).ConfigureAwait(false);
    }

    /// <summary>One entry ("latest" for the newest) with every recorded step; null when there is none.</summary>
    public async Task<(JournalEntry Entry, IReadOnlyList<JournalEvent> Events)?> ShowAsync(string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ct.ThrowIfCancellationRequested();
        var journal = await JournalAsync(ct).ConfigureAwait(false);
        var entry = id == "latest" ? (await journal.ListAsync(limit: 1, ct: ct).ConfigureAwait(false)).FirstOrDefault() : await journal.FindAsync(id, ct).ConfigureAwait(false);
        if (entry is null) return null;
        return (entry, await journal.EventsAsync(entry.Id, ct).ConfigureAwait(false));
    }

    /// <summary>Resolves one entry, or every entry left sending or unknown, against the exchange's own record. With
    /// <paramref name="wait"/> false an entry inside its history-lag window stays unknown instead of being waited for.</summary>
    public async Task<IReadOnlyList<ReconcileResult>> ReconcileAsync(string? id, bool wait, CancellationToken ct)
    {
        if (id is not null)
        {
            var entry = await (await JournalAsync(ct).ConfigureAwait(false)).FindAsync(id, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"There is no journal entry '{id}'.");
            await ConnectForAsync([entry], ct).ConfigureAwait(false);
            var one = await (await ReconcilerAsync(wait, ct).ConfigureAwait(false)).ReconcileAsync(id, ct).ConfigureAwait(false);
            Log.Reconciled(_options.Logger, one.Entry.Id, LegStates.Name(one.State), one.Reason);
            return [one];
        }
        await ConnectForAsync(await (await JournalAsync(ct).ConfigureAwait(false)).ListAsync([LegState.Sending, LegState.Unknown], ct: ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        var all = await (await ReconcilerAsync(wait, ct).ConfigureAwait(false)).ReconcileAllAsync(ct).ConfigureAwait(false);
        foreach (var r in all) Log.Reconciled(_options.Logger, r.Entry.Id, LegStates.Name(r.State), r.Reason);
        return all;
    }

    /// <summary>Reconciles, once per service, everything an earlier run left sending or unknown (waiting out history lag);
    /// every send path calls it first, so nothing new goes out while an earlier outcome is unresolved.</summary>
    public async Task<IReadOnlyList<ReconcileResult>> RecoverAsync(CancellationToken ct)
    {
        if (_recovered) return [];
        var pending = await (await JournalAsync(ct).ConfigureAwait(false)).ListAsync([LegState.Sending, LegState.Unknown], ct: ct).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            _recovered = true;
            return [];
        }
        await ConnectForAsync(pending, ct).ConfigureAwait(false);
        var results = await (await ReconcilerAsync(wait: true, ct).ConfigureAwait(false)).ReconcileAllAsync(ct).ConfigureAwait(false);
        // Marked only once it has run: a recovery that failed is tried again before the next send.
        _recovered = true;
        foreach (var r in results) Log.Recovered(_options.Logger, r.Entry.Id, LegStates.Name(r.State), r.Reason);
        return results;
    }

    /// <summary>The reconciler over this journal, with this service's sessions.</summary>
    public async ValueTask<JournalReconciler> ReconcilerAsync(bool wait, CancellationToken ct = default) =>
        new(await JournalAsync(ct).ConfigureAwait(false), FindReconciler, _options.Time, (_options.Reconcile ?? new ReconcileOptions()) with
        {
            WaitForLag = wait,
            Waiting = _options.ReconcileWaiting ?? _options.Reconcile?.Waiting,
        });

    private ILegReconciler? FindReconciler(JournalEntry entry) =>
        Enum.TryParse<Venue>(entry.Leg.Venue, ignoreCase: true, out var venue)
        && _sessions.TryGetValue((venue, entry.Leg.AccountName.ToLowerInvariant()), out var session)
            ? session.Reconciler
            : null;

    /// <summary>Opens a session for each account the entries name; an account that cannot be opened leaves its entries
    /// unknown (their reconciliation says there is no reconciler for the account).</summary>
    private async Task ConnectForAsync(IEnumerable<JournalEntry> entries, CancellationToken ct)
    {
        foreach (var e in entries)
        {
            var account = FindAccount(VenueOf(e.Leg), e.Leg.AccountName);
            if (account is null)
            {
                Log.AccountMissing(_options.Logger, e.Id, e.Leg.AccountName);
                continue;
            }
            try
            {
                await SessionAsync(account, ct).ConfigureAwait(false);
            }
            catch (Exception x) when (x is AccountConfigException or TransferRefusedException or InvalidOperationException)
            {
                Log.AccountUnavailable(_options.Logger, e.Id, account.Name, x.Message);
            }
        }
    }

    private static Venue VenueOf(LegDescription leg) => leg.Venue == "htx" ? Venue.Htx : Venue.Binance;

    // ---- sweeps and rebalances ----

    /// <summary>Why a sub-account must not get a new move: a journal entry that still may have moved money out of it.</summary>
    public async Task<Func<string, string?>> UnresolvedFromAsync(CancellationToken ct = default)
    {
        var pending = await (await JournalAsync(ct).ConfigureAwait(false)).ListAsync([LegState.Sending, LegState.Unknown], ct: ct).ConfigureAwait(false);
        // By the owner part of each entry's source ("email/wallet"), the first (newest) entry kept: one lookup a source.
        var byOwner = new Dictionary<string, JournalEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in pending)
        {
            if (e.Leg.From.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash) byOwner.TryAdd(e.Leg.From[..slash], e);
        }
        return email => byOwner.TryGetValue(email, out var hit)
            ? $"journal entry {hit.Id} from it is still {LegStates.Name(hit.State)}; run 'ferry journal reconcile {hit.Id}' first"
            : null;
    }

    /// <summary>Refuses a sweep whose target no route reaches from the master's known sub-accounts with these keys, before
    /// anything is read or opened: a probe route from the first known sub-account (the real routes are planned after the
    /// reads). Throws <see cref="TransferPlanningException"/>; sends nothing.</summary>
    public static void RequireSweepRoutable(SweepRequest request, RoutingAccount home, IReadOnlyList<RoutingAccount> keys)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(home);
        if (home.SubAccounts is not { Count: > 0 } subs) return;
        TransferRouter.Plan(new TransferRequest(1m, request.Asset, new WalletAddress(Venue.Binance, subs[0], request.Wallet, null), request.To),
            home, keys, () => "probe");
    }

    /// <summary>Refuses a rebalance when two listed wallets of sub-accounts the keys know have no route between them, before
    /// anything is read or opened (wallets of other sub-accounts are checked against the master's list once it is read).
    /// Throws <see cref="TransferPlanningException"/>; sends nothing.</summary>
    public static void RequireRebalanceRoutable(IReadOnlyList<AssetTargets> targets, RoutingAccount home, IReadOnlyList<RoutingAccount> keys)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(home);
        var known = home.SubAccounts ?? [];
        foreach (var asset in targets)
        {
            foreach (var a in asset.Wallets.Where(w => known.Contains(w.Wallet.Email!, StringComparer.OrdinalIgnoreCase)))
            {
                foreach (var b in asset.Wallets.Where(b => b != a && known.Contains(b.Wallet.Email!, StringComparer.OrdinalIgnoreCase)))
                    TransferRouter.Plan(new TransferRequest(1m, asset.Asset, a.Wallet, b.Wallet), home, keys, () => "probe");
            }
        }
    }

    /// <summary>Reads each source's balance with <paramref name="master"/>'s key and plans one move per source (sources with
    /// an unresolved journal entry are skipped); sends nothing. Throws <see cref="BalanceReadException"/> when a read fails.</summary>
    public async Task<MovePlan> PlanSweepAsync(SweepRequest request, AccountDefinition master, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (home, keys) = Routing(master);
        RequireSweepRoutable(request, home, keys);
        return await SweepPlanner.PlanAsync(request, await BalancesOfAsync(master, ct).ConfigureAwait(false), home, keys, await UnresolvedFromAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>Reads the listed wallets' balances with <paramref name="master"/>'s key and plans the fewest moves; sends nothing.</summary>
    public async Task<MovePlan> PlanRebalanceAsync(IReadOnlyList<AssetTargets> targets, AccountDefinition master, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var (home, keys) = Routing(master);
        RequireRebalanceRoutable(targets, home, keys);
        return await RebalancePlanner.PlanAsync(targets, await BalancesOfAsync(master, ct).ConfigureAwait(false), home, keys, ct).ConfigureAwait(false);
    }

    /// <summary>The balance reader of a Binance master's session.</summary>
    public async Task<IBalanceReader> BalancesOfAsync(AccountDefinition master, CancellationToken ct) =>
        new BinanceBalanceReader(await BinanceAsync(master, ct).ConfigureAwait(false));

    /// <summary>The client of a Binance account's session, for reads a front end makes itself (balances, history).</summary>
    public async Task<Binance.BinanceClient> BinanceAsync(AccountDefinition account, CancellationToken ct) =>
        await SessionAsync(account, ct).ConfigureAwait(false) is BinanceVenueSession binance
            ? binance.Client
            : throw new TransferRefusedException($"Account '{account.Name}' is not a Binance account.");

    /// <summary>The client of an HTX account's session, for reads a front end makes itself (balances, ledger).</summary>
    public async Task<Htx.HtxClient> HtxAsync(AccountDefinition account, CancellationToken ct) =>
        await SessionAsync(account, ct).ConfigureAwait(false) is HtxVenueSession htx
            ? htx.Client
            : throw new TransferRefusedException($"Account '{account.Name}' is not an HTX account.");

    /// <summary>A Binance account's own wallets (spot, funding, cross and isolated margin, USDⓈ-M and COIN-M futures) read
    /// through the exchange's endpoints with its own key, and with <paramref name="subAccounts"/> every sub-account's spot,
    /// margin and futures wallets read with it as the master; <paramref name="progress"/> hears after each sub-account
    /// (done, of). The client's limiter keeps every read within the rate budget. Reads only.</summary>
    public async Task<BalanceSheet> BalanceSheetAsync(AccountDefinition account, bool subAccounts, IProgress<(int Done, int Of)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var reader = new BinanceWalletReader(await BinanceAsync(account, ct).ConfigureAwait(false));
        var owner = account.Email?.ToLowerInvariant() ?? account.Name;
        await reader.ReadOwnAsync(owner, ct).ConfigureAwait(false);
        if (!subAccounts) return reader.Sheet;

        var emails = await reader.SubAccountsAsync(owner, ct).ConfigureAwait(false) ?? [];
        progress?.Report((0, emails.Count));
        for (var i = 0; i < emails.Count; i++)
        {
            await reader.ReadSubAccountAsync(emails[i], ct).ConfigureAwait(false);
            progress?.Report((i + 1, emails.Count));
        }
        return reader.Sheet;
    }

    /// <summary>An HTX account's balances (spot, cross and isolated swap margin), or the read that failed.</summary>
    public async Task<BalanceRead> HtxBalancesAsync(AccountDefinition account, CancellationToken ct) =>
        await HtxBalanceReader.ReadAsync(await HtxAsync(account, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    /// <summary>Reads transfer history with <paramref name="account"/>'s key; the query says which record is read.</summary>
    public async Task<Outcome<IReadOnlyList<TransferHistoryEntry>>> HistoryAsync(AccountDefinition account, HistoryQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query switch
        {
            WalletHistoryQuery q => await WalletHistoryReader.UniversalTransfersAsync(await BinanceAsync(account, ct).ConfigureAwait(false), q.Selections, q.From, q.To, ct).ConfigureAwait(false),
            MarginHistoryQuery q => await WalletHistoryReader.CrossMarginTransfersAsync(await BinanceAsync(account, ct).ConfigureAwait(false), q.Asset, q.IsolatedSymbol, q.From, q.To, ct).ConfigureAwait(false),
            SubAccountHistoryQuery { OwnView: true } q => await SubAccountHistoryReader.SubAccountViewAsync(await BinanceAsync(account, ct).ConfigureAwait(false), q.Email, q.From, q.To, ct).ConfigureAwait(false),
            SubAccountHistoryQuery q => await SubAccountHistoryReader.MasterViewAsync(await BinanceAsync(account, ct).ConfigureAwait(false), q.Email, q.SubAccounts, q.From, q.To, ct).ConfigureAwait(false),
            HtxLedgerQuery q => await HtxHistoryReader.SpotSwapTransfersAsync(await HtxAsync(account, ct).ConfigureAwait(false), q.Asset, q.From, q.To, ct).ConfigureAwait(false),
            _ => throw new ArgumentException($"No reader for a {query.GetType().Name}.", nameof(query)),
        };
    }

    /// <summary>Runs many moves concurrently (each route's legs in order, rate budget reserved before each leg is marked
    /// sending), after connecting every account a leg uses and reconciling what an earlier run left; <paramref name="finished"/>
    /// hears each move as it ends. Consent is the caller's.</summary>
    public async Task<MovesRun> RunMovesAsync(MovePlan plan, int parallelism, Action<MoveResult>? finished, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var accounts = plan.Moves.SelectMany(m => m.Route.Legs).Select(l => l.AccountName).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => Account(Venue.Binance, name)).ToList();
        RequireRunnable(accounts, "sub-account transfers");
        var clients = new Dictionary<string, Binance.BinanceClient>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in accounts) clients[account.Name] = await BinanceAsync(account, ct).ConfigureAwait(false);
        await RecoverAsync(ct).ConfigureAwait(false);
        var runId = "moves-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var runner = new MoveRunner(await JournalAsync(ct).ConfigureAwait(false), name => clients[name],
            new MoveRunOptions { Parallelism = parallelism, RunId = runId, Requester = _options.Requester }, await ReconcilerAsync(wait: true, ct).ConfigureAwait(false));
        return new MovesRun(runId, await runner.RunAsync(plan.Moves, result =>
        {
            LogRoute(result.Run);
            finished?.Invoke(result);
        }, ct).ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        _sessions.Clear();
        if (_options.OwnsJournal && _journal is not null) await _journal.DisposeAsync().ConfigureAwait(false);
        _connecting.Dispose();
        _opening.Dispose();
        if (_options.Venues is IAsyncDisposable venues) await venues.DisposeAsync().ConfigureAwait(false);
    }

    private void LogRoute(RouteRun run) => LogRoute(run.Route);

    private void LogRoute(RouteResult route)
    {
        foreach (var leg in route.Legs) LogLeg(leg.Entry);
    }

    /// <summary>One line per leg as journaled: id, venue, kind, amount, wallets and state (an unknown one at Warning).</summary>
    private void LogLeg(JournalEntry entry)
    {
        var leg = entry.Leg;
        var amount = WireDecimal.Format(leg.Amount) + " " + leg.Asset;
        if (entry.State == LegState.Unknown)
            Log.LegUnknown(_options.Logger, entry.Id, leg.Venue, leg.Kind, amount, leg.From, leg.To, entry.Message ?? "");
        else
            Log.Leg(_options.Logger, entry.Id, leg.Venue, leg.Kind, amount, leg.From, leg.To, LegStates.Name(entry.State));
    }

    // The transfer policy's approvals and audit log through the engine's door: previews, the open requests, an answer, the log.

    /// <summary>What the policy would decide for <paramref name="proposal"/> now, as asked by this service's requester,
    /// with the rolling budgets of the rules that match it; writes nothing (no policy: every move allowed).</summary>
    public async Task<PolicyPreview> PreviewPolicyAsync(TransferProposal proposal, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        // No policy file: nothing to judge, and the journal is not even opened.
        if (_policy?.Policy is null) return new PolicyPreview(PolicyDecision.NoPolicy, [], null);
        var first = proposal.Legs[0].Describe() with { Requester = _options.Requester };
        return await _policy.PreviewAsync(first, proposal.Legs[^1].To.ToString(), await JournalAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>Approval requests, newest first: the open ones, or with <paramref name="all"/> every one.</summary>
    public async ValueTask<IReadOnlyList<ApprovalRequest>> ApprovalsAsync(bool all = false, int limit = 1000, CancellationToken ct = default) =>
        await (await JournalAsync(ct).ConfigureAwait(false)).ApprovalsAsync(all, limit, ct).ConfigureAwait(false);

    /// <summary>This service's requester answers approval request <paramref name="id"/> (see
    /// <see cref="Journal.ITransferJournal.DecideApprovalAsync"/> for what is refused). Only a person answers: an agent or a
    /// token never approves.</summary>
    public async ValueTask<ApprovalRequest> DecideApprovalAsync(string id, bool approve, string? reason = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (_options.Requester.Kind != RequesterKind.Person)
            throw new ApprovalRefusedException($"Only a person at the command line answers approval requests, not {_options.Requester}; nothing was written.");
        return await (await JournalAsync(ct).ConfigureAwait(false)).DecideApprovalAsync(id.Trim(), _options.Requester.Name, approve, reason, ct).ConfigureAwait(false);
    }

    /// <summary>The audit log from <paramref name="since"/> on, oldest first.</summary>
    public async ValueTask<IReadOnlyList<AuditRecord>> AuditAsync(DateTimeOffset since, int limit = int.MaxValue, CancellationToken ct = default) =>
        await (await JournalAsync(ct).ConfigureAwait(false)).AuditAsync(since, limit, ct).ConfigureAwait(false);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "journal {EntryId}: {Venue} {Kind} {Amount} {From} -> {To}: {State}")]
        public static partial void Leg(ILogger logger, string entryId, string venue, string kind, string amount, string from, string to, string state);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "journal {EntryId}: {Venue} {Kind} {Amount} {From} -> {To}: outcome unknown, it may have executed; reconciliation decides ({Reason})")]
        public static partial void LegUnknown(ILogger logger, string entryId, string venue, string kind, string amount, string from, string to, string reason);

        [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "journal {EntryId}: reconciled, {State} ({Reason})")]
        public static partial void Reconciled(ILogger logger, string entryId, string state, string reason);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "journal {EntryId}: {State} ({Reason}).")]
        public static partial void Recovered(ILogger logger, string entryId, string state, string reason);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "journal {EntryId}: account '{Account}' is not configured here, so it stays unresolved")]
        public static partial void AccountMissing(ILogger logger, string entryId, string account);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "journal {EntryId}: cannot open account '{Account}': {Reason}")]
        public static partial void AccountUnavailable(ILogger logger, string entryId, string account, string reason);
    }
}
