using Ferry.Engine.Addresses;
using Ferry.Core.Money;
using Ferry.Engine.Routing;
using Ferry.Engine.Transfers;

namespace Ferry.Engine.Moves;

/// <summary>What <c>ferry sweep</c> is asked: collect <see cref="Asset"/> from sub-accounts' <see cref="Wallet"/> into <see cref="To"/>.</summary>
/// <param name="Asset">The asset, e.g. USDT.</param>
/// <param name="To">Where everything goes, e.g. <c>spot</c> (the master's spot).</param>
/// <param name="From">Sub-account e-mails to sweep; null: every sub-account on the master's list.</param>
/// <param name="Wallet">The sources' wallet being swept (spot by default).</param>
/// <param name="Min">A source whose sweepable amount (free − keep) is below this is skipped.</param>
/// <param name="Keep">Left in each source.</param>
public sealed record SweepRequest(string Asset, WalletAddress To, IReadOnlyList<string>? From = null,
    WalletKind Wallet = WalletKind.Spot, decimal Min = 0m, decimal Keep = 0m)
{
    /// <summary>Throws <see cref="TransferPlanningException"/> with one sentence naming the first bad field.</summary>
    public SweepRequest Validated()
    {
        var asset = TransferInput.ValidateAsset(Asset);
        if (To.Venue != Venue.Binance)
            throw new TransferPlanningException($"'{To}' is not a Binance wallet; a sweep collects into a Binance wallet.");
        if (!BinanceBalanceReader.Readable.Contains(Wallet))
            throw new TransferPlanningException($"Ferry cannot read a sub-account's {Wallet.ToString().ToLowerInvariant()} balance; sweep one of: spot, margin, usdm, coinm.");
        if (Min < 0) throw new TransferPlanningException($"--min {WireDecimal.Format(Min)} is negative; give 0 or more.");
        if (Keep < 0) throw new TransferPlanningException($"--keep {WireDecimal.Format(Keep)} is negative; give 0 or more.");
        foreach (var (name, value) in new[] { ("--min", Min), ("--keep", Keep) })
        {
            if (WireDecimal.DecimalPlaces(value) > TransferInput.MaxDecimalPlaces)
                throw new TransferPlanningException($"{name} {WireDecimal.Format(value)} has more than {TransferInput.MaxDecimalPlaces} decimal places.");
        }
        List<string>? from = null;
        if (From is not null)
        {
            if (From.Count == 0) throw new TransferPlanningException("--from names no sub-account; give at least one e-mail.");
            from = [];
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var email in From)
            {
                var lower = email.Trim().ToLowerInvariant();
                if (!EmailAddress.IsValid(lower)) throw new TransferPlanningException($"--from '{email}' is not an e-mail address; write it as name@domain.tld.");
                if (!named.Add(lower)) throw new TransferPlanningException($"--from names {lower} twice; name each sub-account once.");
                from.Add(lower);
            }
        }
        return this with { Asset = asset, From = from };
    }
}

/// <summary>
/// Plans a sweep: one move per source whose free balance minus <see cref="SweepRequest.Keep"/> is at least
/// <see cref="SweepRequest.Min"/> (and more than zero), each routed by <see cref="TransferRouter.PlannerFor"/>
/// (the accounts' family gathered once: planning N sources costs N route searches).
/// </summary>
public static class SweepPlanner
{
    /// <summary>How many balance reads run at once (each waits for rate budget in the client's limiter).</summary>
    public const int ReadParallelism = 8;

    /// <summary>Reads the sources and their balances with <paramref name="reader"/>, then plans.
    /// <paramref name="skip"/> names sources not to touch (e.g. one whose earlier move is still unresolved in the journal), with the reason.</summary>
    public static async Task<MovePlan> PlanAsync(SweepRequest request, IBalanceReader reader, RoutingAccount home,
        IReadOnlyList<RoutingAccount> accounts, Func<string, string?>? skip = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        request = request.Validated();
        IReadOnlyList<string>? listed;
        (home, accounts, listed) = await KnownSubAccounts.ExtendAsync(home, accounts, reader, request.From, ct).ConfigureAwait(false);
        var sources = request.From ?? listed!;
        var balances = new decimal?[sources.Count];
        var reasons = new string?[sources.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct }, async (i, c) =>
            {
                reasons[i] = skip?.Invoke(sources[i]);
                if (reasons[i] is null) balances[i] = await reader.FreeAsync(sources[i], request.Wallet, request.Asset, c).ConfigureAwait(false);
            }).ConfigureAwait(false);
        var read = new List<(string, decimal)>();
        var skipped = new List<SkippedWallet>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (reasons[i] is { } reason) skipped.Add(new(Source(sources[i], request.Wallet).ToString(), reason));
            else read.Add((sources[i], balances[i]!.Value));
        }
        var plan = Plan(request, read, home, accounts);
        return plan with { Skipped = [.. skipped, .. plan.Skipped] };
    }

    /// <summary>Plans from balances already read: (e-mail, free amount) per source, in the order given.</summary>
    public static MovePlan Plan(SweepRequest request, IReadOnlyList<(string Email, decimal Free)> balances, RoutingAccount home,
        IReadOnlyList<RoutingAccount> accounts, Func<string>? newClientTranId = null)
    {
        ArgumentNullException.ThrowIfNull(balances);
        request = request.Validated();
        var route = TransferRouter.PlannerFor(home, accounts, newClientTranId);
        var requests = new List<TransferRequest>();
        var skipped = new List<SkippedWallet>();
        foreach (var (email, free) in balances)
        {
            var source = Source(email, request.Wallet);
            var amount = Math.Round(free - request.Keep, TransferInput.MaxDecimalPlaces, MidpointRounding.ToZero);
            if (request.To.Email is { } toEmail && string.Equals(toEmail, email, StringComparison.OrdinalIgnoreCase) && request.To.Wallet == request.Wallet)
                skipped.Add(new(source.ToString(), "it is the sweep's target"));
            else if (amount <= 0)
                skipped.Add(new(source.ToString(), free <= 0 ? $"it holds no free {request.Asset}" : $"free {WireDecimal.Format(free)} is not more than --keep {WireDecimal.Format(request.Keep)}"));
            else if (amount < request.Min)
                skipped.Add(new(source.ToString(), $"{WireDecimal.Format(amount)} to sweep is below --min {WireDecimal.Format(request.Min)}"));
            else
                requests.Add(new TransferRequest(amount, request.Asset, source, request.To));
        }
        return new MovePlan(MovePlan.Number(requests, route), skipped);
    }

    private static WalletAddress Source(string email, WalletKind wallet) => new(Venue.Binance, email.ToLowerInvariant(), wallet, null);
}

/// <summary>The master's own sub-account list is the authority on its sub-accounts: when a plan names one that
/// accounts.json does not list (or needs them all), the list is read once and the router may route to any of them.</summary>
public static class KnownSubAccounts
{
    /// <summary>Returns <paramref name="home"/> (and its entry in <paramref name="accounts"/>) with the listed sub-accounts
    /// added, and the list; unchanged (list null) when every e-mail in <paramref name="needed"/> is already known.
    /// <paramref name="needed"/> null means all sub-accounts are needed.</summary>
    public static async Task<(RoutingAccount Home, IReadOnlyList<RoutingAccount> Accounts, IReadOnlyList<string>? Listed)> ExtendAsync(
        RoutingAccount home, IReadOnlyList<RoutingAccount> accounts, IBalanceReader reader, IReadOnlyList<string>? needed, CancellationToken ct)
    {
        var known = home.SubAccounts ?? [];
        if (needed is not null && needed.All(new HashSet<string>(known, StringComparer.OrdinalIgnoreCase).Contains)) return (home, accounts, null);
        var listed = await reader.SubAccountsAsync(ct).ConfigureAwait(false);
        if (home.IsSubAccountKey) return (home, accounts, listed);
        var extended = home with { SubAccounts = known.Union(listed, StringComparer.OrdinalIgnoreCase).ToList() };
        return (extended, accounts.Select(a => ReferenceEquals(a, home) ? extended : a).ToList(), listed);
    }
}
