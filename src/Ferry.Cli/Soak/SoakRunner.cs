using System.Globalization;
using Ferry.Engine.Addresses;
using Ferry.Binance;
using Ferry.Binance.SubAccount;
using Ferry.Core.Credentials;
using Ferry.Htx;
using Ferry.Engine.Journal;
using Ferry.Engine.Routing;
using Ferry.Simulator;
using Ferry.Simulator.Faults;
using WalletAddress = Ferry.Engine.Addresses.WalletAddress;
using WalletKind = Ferry.Engine.Addresses.WalletKind;
using Ferry.Engine.Transfers;
using Ferry.Engine.Accounts;
using Ferry.Engine.Service;
using Ferry.Cli.Sessions;
using Ferry.Simulator.Scenario;

namespace Ferry.Cli.Soak;

/// <summary>The result line of a soak run.</summary>
internal sealed record SoakSummary(int Transfers, int Duplicates, int Losses, int Unresolved, bool Conserved)
{
    public override string ToString() =>
        $"transfers={Transfers} duplicates={Duplicates} losses={Losses} unresolved={Unresolved} conserved={(Conserved ? "true" : "false")}";
}

/// <summary>
/// The soak: N intended moves of mixed kinds (wallet universal transfer, sub-account universal transfer with a
/// clientTranId, HTX spot ⇄ swap), each given a unique amount so the simulator's own history can attribute every
/// committed move to one intent without trusting the journal. Every intent goes through the engine's door
/// (<see cref="TransferService.MoveOnceAsync(string, TransferProposal, CancellationToken)"/>): an unknown leg is reconciled before anything else happens to its intent,
/// and only a not-executed or rejected one is sent again.
/// </summary>
internal sealed class SoakRunner
{
    public const string Master = "master@example.com";
    public const string Alice = "alice@example.com";
    public const string BinanceKey = "soak-master-key";
    public const string BinanceSecret = "soak-master-secret";
    public const string HtxKey = "soak-htx-access-key";
    public const string HtxSecret = "soak-htx-secret-key";

    /// <summary>The scenario every soak starts from: large balances so no move is refused for funds.</summary>
    public static ScenarioDocument Scenario() => ScenarioDocument.Parse("""
        {"binance": {"master": "master@example.com", "subAccounts": [{"email": "alice@example.com"}],
          "apiKeys": [{"owner": "master@example.com", "apiKey": "soak-master-key", "secret": "soak-master-secret",
            "permissions": ["enableReading", "permitsUniversalTransfer", "enableInternalTransfer"]}],
          "balances": [
            {"owner": "master@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "1000000"},
            {"owner": "master@example.com", "wallet": "FUNDING", "asset": "USDT", "amount": "1000000"},
            {"owner": "alice@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "1000000"}]},
         "htx": {"users": [{"email": "master@example.com", "uid": 20000001, "spotAccountId": 30000001}],
          "apiKeys": [{"owner": "master@example.com", "accessKey": "soak-htx-access-key", "secretKey": "soak-htx-secret-key", "permissions": ["read", "trade"]}],
          "contracts": ["BTC-USDT"],
          "balances": [
            {"owner": "master@example.com", "account": "spot", "currency": "USDT", "amount": "1000000"},
            {"owner": "master@example.com", "account": "linear-swap", "marginAccount": "USDT", "currency": "USDT", "amount": "1000000"}],
          "minimums": [{"currency": "USDT", "amount": "1"}]}}
        """);

    /// <summary>The fault mix for a total rate: split evenly over the request faults, history lag on as many moves.</summary>
    public static FaultPlan Faults(double rate, int historyLagMs) => rate <= 0 ? FaultPlan.None : FaultPlan.Parse(string.Create(CultureInfo.InvariantCulture,
        $"fail-before-commit={rate / 5},drop-after-commit={rate / 5},error-after-commit={rate / 5},throttle={rate / 5},latency={rate / 10},skew={rate / 10},history-lag={rate},latency-ms=2,skew-ms=1500,history-lag-ms={historyLagMs},retry-after-s=0"));

    /// <summary>One intended move. <paramref name="Endpoints"/> are the paths of the endpoints its legs call (one
    /// per leg), so its unique amount attributes each of them to it. <paramref name="Move"/> is what the engine is given:
    /// a <see cref="TransferRequest"/> the service plans (wallet and HTX moves), or a leg or route built here (the
    /// sub-account transfer with its seeded clientTranId, the two-leg route).</summary>
    public sealed record Intent(int Index, string Key, string Kind, decimal Amount, string From, string To, IReadOnlyList<string> Endpoints, object Move);

    /// <summary>What driving one intent came to in this process.</summary>
    private enum Drive
    {
        /// <summary>Done, or as far as Ferry can tell (ambiguous): nothing more to do.</summary>
        Settled,
        /// <summary>Another live process holds it: come back later.</summary>
        Held,
    }

    private readonly TransferService _service;
    private readonly AccountDefinition _binanceAccount;
    private readonly AccountDefinition _htxAccount;
    private readonly int _seed;

    /// <summary>A runner whose moves all go through the engine's <see cref="TransferService"/> (the code users run), with
    /// clients on <paramref name="simulator"/>; the journal stays the caller's.</summary>
    public SoakRunner(Uri simulator, ITransferJournal journal, TimeProvider time, int seed, ReconcileOptions options, int recvWindowMs = 60_000)
    {
        _seed = seed;
        _binanceAccount = new AccountDefinition("soak", Venue.Binance, AccountEnvironment.Sim, simulator,
            new ApiCredentials(BinanceKey, new SecretText(BinanceSecret), SigningKind.Hmac), Master, SubAccounts: [Alice]);
        _htxAccount = new AccountDefinition("soak-htx", Venue.Htx, AccountEnvironment.Sim, simulator,
            new ApiCredentials(HtxKey, new SecretText(HtxSecret), SigningKind.Hmac), Master);
        _service = new TransferService(new TransferServiceOptions
        {
            Accounts = [_binanceAccount, _htxAccount],
            OpenJournal = _ => ValueTask.FromResult(journal),
            OwnsJournal = false,
            Venues = new SoakVenues(time, recvWindowMs),
            Time = time,
            Reconcile = options,
        });
    }

    /// <summary>The intents of a run: a pure function of (count, seed).</summary>
    public static IReadOnlyList<Intent> Intents(int count, int seed)
    {
        var list = new List<Intent>(count);
        for (var i = 0; i < count; i++)
        {
            var amount = 1m + (i + 1) * 0.000001m;
            var key = $"soak-{seed}-{i}";
            var request = (string from, string to) => new TransferRequest(amount, "USDT", WalletAddress.Parse(from), WalletAddress.Parse(to));
            list.Add((i % 7) switch
            {
                6 => Route(i, key, amount),
                0 => Wallet(i, key, amount, "spot", "funding"),
                3 => Wallet(i, key, amount, "funding", "spot"),
                1 => Sub(i, key, amount, toAlice: true, seed),
                4 => Sub(i, key, amount, toAlice: false, seed),
                2 => Htx(i, key, amount, "htx:spot", "htx:swap"),
                _ => Htx(i, key, amount, "htx:swap", "htx:spot"),
            });
        }
        return list;
    }

    private static Intent Wallet(int i, string key, decimal amount, string from, string to) =>
        new(i, key, "wallet", amount, from, to, [BinanceEndpoints.UniversalTransfer.Path],
            new TransferRequest(amount, "USDT", WalletAddress.Parse(from), WalletAddress.Parse(to)));

    private static Intent Sub(int i, string key, decimal amount, bool toAlice, int seed)
    {
        var request = new SubAccountUniversalTransferRequest(SubAccountRoutes.AccountType(WalletKind.Spot)!.Value, SubAccountRoutes.AccountType(WalletKind.Spot)!.Value, "USDT", amount)
        {
            FromEmail = toAlice ? null : Alice, ToEmail = toAlice ? Alice : null,
            ClientTranId = $"soak{seed:x8}{i:x8}",
        };
        var from = WalletAddress.Parse(toAlice ? $"{Master}/spot" : $"{Alice}/spot");
        var to = WalletAddress.Parse(toAlice ? $"{Alice}/spot" : $"{Master}/spot");
        return new Intent(i, key, "sub-account", amount, from.ToString(), to.ToString(), [BinanceEndpoints.SubAccountUniversalTransfer.Path],
            new SubAccountUniversalTransferLeg("soak", from, to, request));
    }

    private static Intent Htx(int i, string key, decimal amount, string from, string to) =>
        new(i, key, "htx", amount, from, to, [HtxEndpoints.SpotSwapTransfer.Path],
            new TransferRequest(amount, "USDT", WalletAddress.Parse(from), WalletAddress.Parse(to)));

    /// <summary>alice's spot → the master's funding wallet: two legs (sub-account universal transfer to the master's spot,
    /// then the master's own universal transfer), run through the route runner.</summary>
    private static Intent Route(int i, string key, decimal amount)
    {
        var master = new RoutingAccount("soak", Master, SubAccounts: [Alice]);
        var plan = TransferRouter.Plan(new TransferRequest(amount, "USDT", WalletAddress.Parse($"{Alice}/spot"), WalletAddress.Parse("funding")), master, [master]);
        if (plan.Legs.Count != 2) throw new InvalidOperationException($"The soak's route intent planned {plan.Legs.Count} legs, not 2.");
        return new Intent(i, key, "route", amount, $"{Alice}/spot", "funding", [.. plan.Legs.Select(l => l.EndpointRow.Path)], plan);
    }

    /// <summary>The intents as a person would queue them for 'ferry worker' (same amounts, wallets and order as
    /// <see cref="Intents"/>): every Binance one a request the worker plans, its endpoints taken from the same planner so the
    /// simulator's record attributes each committed move to it.</summary>
    public static IReadOnlyList<Intent> Queued(int count, int seed)
    {
        var master = new RoutingAccount("soak", Master, SubAccounts: [Alice]);
        return [.. Intents(count, seed).Select(intent =>
        {
            var request = new TransferRequest(intent.Amount, "USDT", WalletAddress.Parse(intent.From), WalletAddress.Parse(intent.To));
            if (intent.Kind == "htx") return intent with { Move = request };
            var plan = TransferRouter.Plan(request, master, [master]);
            return intent with { Move = request, Endpoints = [.. plan.Legs.Select(l => l.EndpointRow.Path)] };
        })];
    }

    /// <summary>The account a queued intent is planned for.</summary>
    public static string AccountOf(Intent intent) => intent.Kind == "htx" ? "soak-htx" : "soak";

    /// <summary>With several processes, the share of the intents the MCP participant moves (every 35th, all of them
    /// single wallet transfers); the workers leave these alone.</summary>
    public static bool IsMcpShare(Intent intent) => intent.Index % 35 == 0;

    /// <summary>Reconciles what a previous run left, then drives every intent to done (or as far as Ferry can tell). Several
    /// processes may run this at once on one journal: an intent is claimed before it is driven, and one held by another
    /// live process is skipped and come back to (so each process is best given the intents in its own order).</summary>
    public async Task RunAsync(IReadOnlyList<Intent> intents, Action<int>? progress, CancellationToken ct)
    {
        await _service.RecoverAsync(ct).ConfigureAwait(false);
        var pending = intents.ToList();
        while (pending.Count > 0)
        {
            var held = new List<Intent>();
            foreach (var intent in pending)
            {
                var run = await _service.MoveOnceAsync(intent.Key, await ProposalAsync(intent, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                if (run.Status == IntentStatus.Held) held.Add(intent);
                // Progress is reported only for intents this run worked on, so a restarted worker's kill point lies ahead of it.
                else if (run.Worked) progress?.Invoke(intent.Index);
            }
            if (held.Count > 0 && held.Count == pending.Count)
                await Task.Delay(TimeSpan.FromMilliseconds(50), ct).ConfigureAwait(false); // the others are on them all
            pending = held;
        }
    }

    /// <summary>The intent as the engine runs it: a request planned by the service (for the account of the intent's
    /// venue), a lone leg with the account whose key sends it, or the route.</summary>
    public async Task<TransferProposal> ProposalAsync(Intent intent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Move switch
        {
            TransferRequest request => await _service.PlanAsync(request, intent.Kind == "htx" ? _htxAccount.Name : _binanceAccount.Name, ct).ConfigureAwait(false),
            TransferPlan route => new TransferProposal(route.Request, _binanceAccount, route.Legs, route.Legs.Select(_ => _binanceAccount).ToList(), route),
            TransferLeg leg => TransferProposal.Of(leg, _binanceAccount),
            _ => throw new InvalidOperationException("unknown intent move"),
        };
    }

    /// <summary>Compares the simulator's own record (read over its admin endpoint: every committed move, balances, totals,
    /// the auditor's findings) with the intents and the journal.</summary>
    public static async Task<SoakSummary> SummarizeAsync(IReadOnlyList<Intent> intents, SimulatorAdminClient simulator,
        IReadOnlyDictionary<string, decimal> seedTotals, IReadOnlyList<SimulatorAdminClient.BalanceRow> seedBalances, ITransferJournal journal,
        CancellationToken ct)
    {
        // Each endpoint's committed moves show on the channel the simulator names for it; amounts are unique per intent.
        var channels = (await simulator.ChannelsAsync(ct).ConfigureAwait(false)).ToLookup(c => c.Path, c => c.Channel, StringComparer.Ordinal);
        var rows = (await simulator.MovesAsync(ct).ConfigureAwait(false)).GroupBy(m => (m.Channel, m.Amount)).ToDictionary(g => g.Key, g => g.Count());
        // An open entry is attributed by its amount (an MCP move carries no intent key).
        var openAmounts = (await journal.ListAsync([LegState.Sending, LegState.Unknown], ct: ct).ConfigureAwait(false)).Select(e => e.Leg.Amount).ToHashSet();
        int duplicates = 0, losses = 0, unresolved = 0;
        var expected = seedBalances.ToDictionary(b => (b.Owner.ToLowerInvariant(), b.Wallet, b.Symbol, b.Asset), b => b.Amount);
        foreach (var intent in intents)
        {
            var counts = intent.Endpoints.Select(path => channels[path].Sum(channel => rows.GetValueOrDefault((channel, intent.Amount)))).ToList();
            var open = openAmounts.Contains(intent.Amount);
            duplicates += counts.Sum(count => Math.Max(0, count - 1));
            if (open) unresolved++;
            else if (counts.Any(count => count == 0)) losses++;
            Apply(expected, intent);
        }
        var actual = (await simulator.BalancesAsync(null, ct).ConfigureAwait(false)).ToDictionary(b => (b.Owner.ToLowerInvariant(), b.Wallet, b.Symbol, b.Asset), b => b.Amount);
        var totals = await simulator.TotalsAsync(ct).ConfigureAwait(false);
        var totalsKept = totals.Count == seedTotals.Count && totals.All(t => seedTotals.GetValueOrDefault(t.Key) == t.Value);
        var exactlyOnce = expected.Where(e => e.Value != 0).OrderBy(e => e.Key.ToString()).SequenceEqual(actual.Where(e => e.Value != 0).OrderBy(e => e.Key.ToString()));
        var audit = await simulator.AuditAsync(ct).ConfigureAwait(false);
        return new SoakSummary(intents.Count, duplicates, losses, unresolved, totalsKept && exactlyOnce && audit.Count == 0);
    }

    private static void Apply(Dictionary<(string, string, string?, string), decimal> balances, Intent intent)
    {
        var (from, to) = intent.Kind switch
        {
            "wallet" => ((Master, Wallet(intent.From)), (Master, Wallet(intent.To))),
            "sub-account" => ((intent.From.Split('/')[0], "SPOT"), (intent.To.Split('/')[0], "SPOT")),
            "route" => ((Alice, "SPOT"), (Master, "FUNDING")),
            _ => ((Master, intent.From == "htx:spot" ? "HTX_SPOT" : "HTX_SWAP_CROSS"), (Master, intent.To == "htx:spot" ? "HTX_SPOT" : "HTX_SWAP_CROSS")),
        };
        static string? Symbol(string wallet) => null;
        var fromKey = (from.Item1.ToLowerInvariant(), from.Item2, Symbol(from.Item2), "USDT");
        var toKey = (to.Item1.ToLowerInvariant(), to.Item2, Symbol(to.Item2), "USDT");
        balances[fromKey] = balances.GetValueOrDefault(fromKey) - intent.Amount;
        balances[toKey] = balances.GetValueOrDefault(toKey) + intent.Amount;
    }

    private static string Wallet(string name) => name == "spot" ? "SPOT" : "FUNDING";

    /// <summary>The seed this runner's intents came from.</summary>
    public int Seed => _seed;
}
