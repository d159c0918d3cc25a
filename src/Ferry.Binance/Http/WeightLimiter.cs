using System.Globalization;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>
/// Independent per-endpoint IP and UID weight budgets in fixed windows (Binance: 12000 IP and 180000 UID
/// per endpoint per minute; /api endpoints share one 6000 IP budget, /fapi and /dapi one 2400 IP budget each). A request that would exceed a budget
/// waits (on the injected clock) instead of being sent; a wait longer than the maximum ends NotSent.
/// <para>The windows are the exchange's: boundaries follow the measured server time (<see cref="ServerClock"/>), the
/// used-weight headers correct the count of the window the exchange counted each request in, and a count that went
/// down where it cannot (the exchange's window turned over earlier than ours) moves our boundary to the exchange's.
/// No request starts in a window's last part (<see cref="EdgeMargin"/>), so none reaches the exchange in the next
/// window. A 429/418 Retry-After holds the refused budget back (418, an IP ban: every IP budget).</para>
/// <para>With a shared <see cref="BinanceClientOptions.UidWeightStore"/>, UID weight is reserved there too (after this
/// limiter's own count agrees), so every client of one account, on any machine, stays within one UID budget; the
/// used-weight headers raise the shared count as they raise the local one. IP weight stays per host.</para>
/// </summary>
public sealed class WeightLimiter
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<BinanceEndpoint> _endpoints;
    private readonly WeightBucket[] _ip;
    private readonly WeightBucket[] _uid;
    private readonly WeightBucket[] _allIp;
    private readonly long _windowMs;
    private readonly long _marginFloorMs;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _time;
    private ServerClock? _serverClock;
    private long _alignShiftMs;
    private long _alignedForOffsetMs;
    private long _roundTripMs = -1;
    private readonly IUidWeightStore? _store;
    private readonly string? _account;
    private readonly (long WindowStartMs, int Used)[] _sharedKnown;

    /// <summary>Builds empty budgets for <paramref name="endpoints"/> (indexed by <see cref="BinanceEndpoint.Id"/>).</summary>
    public WeightLimiter(IReadOnlyList<BinanceEndpoint> endpoints, BinanceClientOptions options)
        : this(endpoints, options, null)
    {
    }

    /// <summary>Builds empty budgets whose UID weight is also reserved in <see cref="BinanceClientOptions.UidWeightStore"/>
    /// under <paramref name="account"/> (see <see cref="UidWeightWindow.AccountOf"/>); a null account keeps it local.</summary>
    internal WeightLimiter(IReadOnlyList<BinanceEndpoint> endpoints, BinanceClientOptions options, string? account)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        _endpoints = endpoints;
        _store = account is null ? null : options.UidWeightStore;
        _account = _store is null ? null : account;
        _sharedKnown = new (long, int)[endpoints.Count];
        _windowMs = Math.Max(1, (long)options.WeightWindow.TotalMilliseconds);
        _marginFloorMs = Math.Max(0, (long)options.WindowEdgeMargin.TotalMilliseconds);
        _maxWait = options.MaxRateWait;
        _time = options.Time;
        _ip = new WeightBucket[endpoints.Count];
        _uid = new WeightBucket[endpoints.Count];
        // /api, /fapi and /dapi each have one IP budget shared by all their endpoints; each /sapi endpoint has its own.
        var sharedApi = new WeightBucket(options.ApiIpWeightPerMinute);
        var sharedUsdm = new WeightBucket(options.UsdmFuturesWeightPerMinute);
        var sharedCoin = new WeightBucket(options.CoinFuturesWeightPerMinute);
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i].Id != i)
            {
                throw new ArgumentException($"Endpoint {endpoints[i].Name} has Id {endpoints[i].Id} but sits at position {i}.", nameof(endpoints));
            }

            _ip[i] = endpoints[i].Host switch
            {
                BinanceHost.UsdmFutures => sharedUsdm,
                BinanceHost.CoinFutures => sharedCoin,
                _ => endpoints[i].SharesApiBudget ? sharedApi : new WeightBucket(options.IpWeightPerMinute),
            };
            _uid[i] = new WeightBucket(options.UidWeightPerMinute);
        }

        _allIp = _ip.Distinct().ToArray();
    }

    /// <summary>The IP and UID weight limits per window that <paramref name="endpoint"/> is paced against.</summary>
    public (int Ip, int Uid) LimitsOf(BinanceEndpoint endpoint) => (_ip[endpoint.Id].Limit, _uid[endpoint.Id].Limit);

    /// <summary>
    /// The last part of every window in which no request is started: the round trip of the server-clock measurement (how
    /// far our idea of where the exchange's window starts can be late) plus the expected round trip (a moving average;
    /// more than the way to the exchange takes), at least <see cref="BinanceClientOptions.WindowEdgeMargin"/>, at most
    /// half a window. A request slower than expected is still safe: weight in flight when a window ends stays counted
    /// in the next one until its answer shows where the exchange counted it.
    /// </summary>
    public TimeSpan EdgeMargin
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromMilliseconds(MarginMs(0));
            }
        }
    }

    /// <summary>Reserves the endpoint's weight, waiting for the next window or a Retry-After when needed. Inside a
    /// <see cref="Prepay"/> scope the first call for the ticket's endpoint uses the ticket's reservation instead.</summary>
    public ValueTask<RateGrant> AcquireAsync(BinanceEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (PrepaidTicket.Value is { } ticket && ticket.TryTake(endpoint.Id) && StillCovers(endpoint, ticket.Stamp))
        {
            return ValueTask.FromResult(RateGrant.GoWith(ticket.Stamp));
        }

        return AcquireWithGuardAsync(endpoint, GuardMs(EdgeGuard.Value), cancellationToken);
    }

    /// <summary>Takes the server's count of used weight (response headers) for the current window when it is higher than ours.</summary>
    public void Observe(BinanceEndpoint endpoint, int? usedIpWeight, int? usedUidWeight)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            var ip = _ip[endpoint.Id];
            var uid = _uid[endpoint.Id];
            RollTo(ip, uid, NowMs());
            ip.Raise(usedIpWeight);
            uid.Raise(usedUidWeight);
        }
    }

    /// <summary>Holds the endpoint's budgets back until <paramref name="until"/> (a 429 with Retry-After). The /api
    /// endpoints share one IP budget (as /fapi and /dapi do theirs), so a 429 on one holds back all of them.</summary>
    public void BlockUntil(BinanceEndpoint endpoint, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var untilMs = until.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            Block(_ip[endpoint.Id], untilMs);
            Block(_uid[endpoint.Id], untilMs);
        }
    }

    /// <summary>Holds every IP budget back until <paramref name="until"/>: an HTTP 418 is a ban of the caller's IP.</summary>
    public void BlockIpUntil(DateTimeOffset until)
    {
        var untilMs = until.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            foreach (var bucket in _allIp)
            {
                Block(bucket, untilMs);
            }
        }
    }

    /// <summary>The end of the current window (local time), for a 429 that came without Retry-After.</summary>
    public DateTimeOffset CurrentWindowEnd()
    {
        lock (_gate)
        {
            var local = LocalNowMs();
            var now = NowMs(local);
            return DateTimeOffset.FromUnixTimeMilliseconds(local + (WindowStart(now) + _windowMs - now));
        }
    }

    /// <summary>The current usage of one endpoint's budgets.</summary>
    public WeightUsage GetUsage(BinanceEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_gate)
        {
            var local = LocalNowMs();
            var ip = _ip[endpoint.Id];
            var uid = _uid[endpoint.Id];
            RollTo(ip, uid, NowMs(local));
            var blocked = Math.Max(ip.BlockedUntilMs, uid.BlockedUntilMs);
            return new WeightUsage(endpoint.Name, ip.Used, ip.Limit, uid.Used, uid.Limit,
                blocked > local ? DateTimeOffset.FromUnixTimeMilliseconds(blocked) : null,
                ip.InFlight + ip.Carried + uid.InFlight + uid.Carried);
        }
    }

    /// <summary>The current usage of every endpoint, in table order.</summary>
    public IReadOnlyList<WeightUsage> Snapshot()
    {
        var result = new WeightUsage[_endpoints.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = GetUsage(_endpoints[i]);
        }

        return result;
    }

    /// <summary>Windows from now on follow <paramref name="clock"/>'s measured server time: its lower bound, so a request
    /// is never believed to be later in the exchange's window than it is (the edge margin covers the other way).</summary>
    internal void FollowServerClock(ServerClock clock)
    {
        lock (_gate)
        {
            _serverClock = clock;
        }
    }

    /// <summary>
    /// Takes the answer to a request reserved with <paramref name="stamp"/>: the used-weight headers (null when absent)
    /// correct the count of the window the exchange counted it in, and <paramref name="roundTrip"/> feeds the edge margin.
    /// Returns the shared UID count to raise (see <see cref="RaiseSharedAsync"/>), if any.
    /// </summary>
    internal (UidWeightWindow Window, int Used)? Settle(BinanceEndpoint endpoint, RateStamp stamp, int? usedIp, int? usedUid, TimeSpan? roundTrip)
    {
        lock (_gate)
        {
            if (roundTrip is { } rtt)
            {
                // The expected round trip: the first sample, then a moving average (1/8 of each new sample).
                var ms = Math.Max(0, (long)rtt.TotalMilliseconds);
                _roundTripMs = _roundTripMs < 0 ? ms : _roundTripMs + ((ms - _roundTripMs) / 8);
            }

            var now = NowMs();
            var ip = _ip[endpoint.Id];
            var uid = _uid[endpoint.Id];
            var start = RollTo(ip, uid, now);
            if (!stamp.IsReserved)
            {
                ip.Raise(usedIp);
                uid.Raise(usedUid);
                return SharedRaise(endpoint, start, usedUid);
            }

            if (stamp.WindowStartMs == start && (usedIp < stamp.IpConfirmed || usedUid < stamp.UidConfirmed))
            {
                // The exchange's count for this window went down, which it cannot do inside one window: its window
                // turned over before ours. Start ours now, if that is a believable clock error (at most a quarter window).
                var early = start + _windowMs - now;
                if (early <= _windowMs / 4)
                {
                    _alignShiftMs += early;
                    start += _windowMs;
                    ip.Roll(start, _windowMs);
                    uid.Roll(start, _windowMs);
                }
            }

            ip.Settle(stamp.WindowStartMs, endpoint.IpWeight, stamp.IpConfirmed, usedIp, _windowMs);
            uid.Settle(stamp.WindowStartMs, endpoint.UidWeight, stamp.UidConfirmed, usedUid, _windowMs);
            // A header read in the current window is the exchange's count of it, whichever window the request went in.
            return SharedRaise(endpoint, start, usedUid);
        }
    }

    /// <summary>The shared count to raise to a UID header (under the lock): only one higher than any seen for the window.</summary>
    private (UidWeightWindow Window, int Used)? SharedRaise(BinanceEndpoint endpoint, long windowStartMs, int? usedUid) =>
        IsShared(endpoint) && usedUid is { } u && u > 0 && NoteShared(endpoint.Id, windowStartMs, u)
            ? (SharedWindow(endpoint, windowStartMs), u)
            : null;

    /// <summary>Gives back a reservation whose request was never sent, here and in the shared store.</summary>
    internal async Task ReleaseAsync(BinanceEndpoint endpoint, RateStamp stamp)
    {
        ReleaseLocal(endpoint, stamp);
        if (stamp.IsShared && _store is not null)
        {
            try
            {
                await _store.ReturnAsync(SharedWindow(endpoint, stamp.WindowStartMs), endpoint.UidWeight, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not given back: the shared window counts weight that was never sent, which errs on the safe side.
            }
        }
    }

    private void ReleaseLocal(BinanceEndpoint endpoint, RateStamp stamp)
    {
        lock (_gate)
        {
            ReleaseLocalLocked(endpoint, stamp);
        }
    }

    private void ReleaseLocalLocked(BinanceEndpoint endpoint, RateStamp stamp)
    {
        if (!stamp.IsReserved)
        {
            return;
        }

        var ip = _ip[endpoint.Id];
        var uid = _uid[endpoint.Id];
        RollTo(ip, uid, NowMs());
        ip.Release(stamp.WindowStartMs, endpoint.IpWeight, _windowMs);
        uid.Release(stamp.WindowStartMs, endpoint.UidWeight, _windowMs);
    }

    private async ValueTask<RateGrant> WaitAndReserveAsync(
        BinanceEndpoint endpoint, long guardMs, long firstWaitMs, RateStamp firstStamp, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var wait = firstWaitMs;
        var stamp = firstStamp;
        while (true)
        {
            if (wait == 0)
            {
                if (!IsShared(endpoint))
                {
                    return RateGrant.GoWith(stamp);
                }

                // This client's own count has room: now the account's, shared with every other client of the key.
                var shared = await ReserveSharedAsync(endpoint, stamp, cancellationToken).ConfigureAwait(false);
                if (shared.Grant is { } final)
                {
                    return final;
                }

                wait = TryReserve(endpoint, guardMs, out stamp, out var fullRefusal);
                if (fullRefusal is not null)
                {
                    return new RateGrant(false, NotSentReason.RateBudget, fullRefusal);
                }

                continue;
            }

            var delay = TimeSpan.FromMilliseconds(wait);
            if (waited + delay > _maxWait)
            {
                return new RateGrant(false, NotSentReason.RateBudget, TooLong(endpoint, waited + delay));
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new RateGrant(false, NotSentReason.Cancelled, $"Not sent: cancelled while waiting for rate-limit budget for {endpoint}.");
            }

            waited += delay;
            wait = TryReserve(endpoint, guardMs, out stamp, out var refusal);
            if (refusal is not null)
            {
                return new RateGrant(false, NotSentReason.RateBudget, refusal);
            }
        }
    }

    /// <summary>
    /// Reserves the locally reserved <paramref name="stamp"/>'s UID weight in the shared store. Returns the final grant
    /// (go, or NotSent when the store cannot be reached or the wait is cancelled), or no grant when the shared window is
    /// full: the local reservation is then given back and the window counted full, so the caller waits for the next.
    /// </summary>
    private async ValueTask<(RateGrant? Grant, bool Full)> ReserveSharedAsync(BinanceEndpoint endpoint, RateStamp stamp, CancellationToken cancellationToken)
    {
        var window = SharedWindow(endpoint, stamp.WindowStartMs);
        int? used;
        try
        {
            used = await _store!.TryReserveAsync(window, endpoint.UidWeight, _uid[endpoint.Id].Limit, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ReleaseLocal(endpoint, stamp);
            return (new RateGrant(false, NotSentReason.Cancelled, $"Not sent: cancelled while waiting for rate-limit budget for {endpoint}."), false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the shared count nobody can tell whether the account's budget has room: refuse, send nothing.
            ReleaseLocal(endpoint, stamp);
            return (new RateGrant(false, NotSentReason.RateBudget,
                $"Not sent: the shared UID weight budget could not be reached ({e.GetType().Name}), so no weight could be reserved for {endpoint}."), false);
        }

        lock (_gate)
        {
            if (used is { } u)
            {
                NoteShared(endpoint.Id, stamp.WindowStartMs, u);
                return (RateGrant.GoWith(stamp with { IsShared = true }), false);
            }

            var uid = _uid[endpoint.Id];
            ReleaseLocalLocked(endpoint, stamp);
            if (uid.WindowStartMs == stamp.WindowStartMs)
            {
                uid.Fill();
            }

            return (null, true);
        }
    }

    private bool IsShared(BinanceEndpoint endpoint) => _store is not null && endpoint.UidWeight > 0;

    private UidWeightWindow SharedWindow(BinanceEndpoint endpoint, long windowStartMs) =>
        new(_account!, endpoint.ToString(), windowStartMs, _windowMs);

    /// <summary>Remembers the highest shared count seen for the endpoint's window (under the lock), so a header that
    /// says no more than that needs no trip to the store.</summary>
    private bool NoteShared(int endpointId, long windowStartMs, int used)
    {
        var known = _sharedKnown[endpointId];
        if (known.WindowStartMs == windowStartMs && known.Used >= used)
        {
            return false;
        }

        _sharedKnown[endpointId] = (windowStartMs, known.WindowStartMs == windowStartMs ? Math.Max(known.Used, used) : used);
        return true;
    }

    /// <summary>Raises the shared count to a used-weight header that went past what this client has seen; a store
    /// that cannot be reached leaves the shared count lower, and this client's own count still holds the header.</summary>
    internal async ValueTask RaiseSharedAsync((UidWeightWindow Window, int Used)? raise, CancellationToken cancellationToken)
    {
        if (raise is not { } r || _store is null)
        {
            return;
        }

        try
        {
            await _store.RaiseAsync(r.Window, r.Used, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // Correcting upwards is best effort: the next header tries again.
        }
    }

    /// <summary>
    /// Reserves and returns 0, or returns how many ms to wait (a Retry-After, the edge margin, or a full budget); sets a
    /// refusal when it can never fit.
    /// </summary>
    private long TryReserve(BinanceEndpoint endpoint, long guardMs, out RateStamp stamp, out string? refusal)
    {
        refusal = null;
        stamp = default;
        var id = endpoint.Id;
        lock (_gate)
        {
            var ip = _ip[id];
            var uid = _uid[id];
            var local = LocalNowMs();
            var blocked = Math.Max(ip.BlockedUntilMs, uid.BlockedUntilMs);
            if (blocked > local)
            {
                return blocked - local;
            }

            if (endpoint.IpWeight > ip.Limit || endpoint.UidWeight > uid.Limit)
            {
                refusal = $"Not sent: one call of {endpoint} weighs more than its whole per-window budget.";
                return 0;
            }

            var now = NowMs(local);
            var start = RollTo(ip, uid, now);
            var toEnd = start + _windowMs - now;
            if (toEnd <= MarginMs(guardMs))
            {
                return toEnd;
            }

            if (!ip.Fits(endpoint.IpWeight) || !uid.Fits(endpoint.UidWeight))
            {
                return toEnd;
            }

            stamp = new RateStamp(start, ip.Confirmed, uid.Confirmed);
            ip.Reserve(endpoint.IpWeight);
            uid.Reserve(endpoint.UidWeight);
            return 0;
        }
    }

    /// <summary>True when a prepaid reservation was made in the current window; otherwise gives it back.</summary>
    private bool StillCovers(BinanceEndpoint endpoint, RateStamp stamp)
    {
        lock (_gate)
        {
            if (stamp.WindowStartMs == RollTo(_ip[endpoint.Id], _uid[endpoint.Id], NowMs()))
            {
                return true;
            }
        }

        // A reservation of a window that has ended no longer covers the request; the caller reserves afresh.
        _ = ReleaseAsync(endpoint, stamp);
        return false;
    }

    /// <summary>The margin at a window's end (ms) under the lock: the larger of the caller's guard and the learned one.</summary>
    private long MarginMs(long guardMs) =>
        Math.Clamp(Math.Max(guardMs, Math.Max(_marginFloorMs, (_serverClock?.MeasuredRoundTripMs ?? 0) + Math.Max(0, _roundTripMs))), 0, _windowMs / 2);

    private static long GuardMs(TimeSpan? guard) => guard is { } g ? Math.Max(0, (long)g.TotalMilliseconds) : 0;

    private static void Block(WeightBucket bucket, long untilMs) => bucket.BlockedUntilMs = Math.Max(bucket.BlockedUntilMs, untilMs);

    private string TooLong(BinanceEndpoint endpoint, TimeSpan wait) => string.Create(CultureInfo.InvariantCulture,
        $"Not sent: {endpoint} would have to wait {wait.TotalSeconds:0.###} s for rate-limit budget, more than the allowed {_maxWait.TotalSeconds:0.###} s.");

    private long LocalNowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private long NowMs() => NowMs(LocalNowMs());

    /// <summary>The exchange's time (ms) as the windows count it, under the lock: local time plus the server clock's
    /// lower-bound offset plus any alignment learned from the headers since that offset was measured.</summary>
    private long NowMs(long localMs)
    {
        var offset = _serverClock?.WindowOffsetMs ?? 0;
        if (offset != _alignedForOffsetMs)
        {
            // A new measurement of the server clock replaces what the headers taught about the old one.
            _alignedForOffsetMs = offset;
            _alignShiftMs = 0;
        }

        return localMs + offset + _alignShiftMs;
    }

    /// <summary>
    /// Rolls an endpoint's two budgets to the window of <paramref name="nowMs"/> and returns its start. Windows only move
    /// forward: if a new server-clock measurement put now before a window already counted, that window stays the
    /// current one until it ends (counting more, never less).
    /// </summary>
    private long RollTo(WeightBucket ip, WeightBucket uid, long nowMs)
    {
        var start = Math.Max(WindowStart(nowMs), Math.Max(ip.WindowStartMs, uid.WindowStartMs));
        ip.Roll(start, _windowMs);
        uid.Roll(start, _windowMs);
        return start;
    }

    private long WindowStart(long nowMs) => nowMs - (((nowMs % _windowMs) + _windowMs) % _windowMs);

    // --- Reserve ahead: a caller that must not journal a leg as 'sending' while it waits for budget reserves the weight
    // first, then sends inside Prepay(ticket); the transport's own AcquireAsync then charges nothing more. ---

    private static readonly AsyncLocal<RateTicket?> PrepaidTicket = new();

    /// <summary>
    /// Waits until the endpoint's budgets have room and reserves its weight now, outside the last
    /// <paramref name="edgeGuard"/> (or <see cref="EdgeMargin"/>, if larger) of a window: a request reserved at a
    /// window's very end could reach the exchange in the next one. The ticket is used by the first
    /// <see cref="AcquireAsync"/> for the endpoint inside <see cref="Prepay"/>; if the window has rolled by then, that
    /// call gives the reservation back and reserves afresh.
    /// </summary>
    public async ValueTask<RateTicket> ReserveAheadAsync(BinanceEndpoint endpoint, TimeSpan edgeGuard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint = _endpoints[endpoint.Id];
        var grant = await AcquireWithGuardAsync(endpoint, GuardMs(edgeGuard), cancellationToken).ConfigureAwait(false);
        return new RateTicket(endpoint.Id, grant.Stamp, grant);
    }

    private ValueTask<RateGrant> AcquireWithGuardAsync(BinanceEndpoint endpoint, long guardMs, CancellationToken cancellationToken)
    {
        var wait = TryReserve(endpoint, guardMs, out var stamp, out var refusal);
        if (refusal is not null)
        {
            return ValueTask.FromResult(new RateGrant(false, NotSentReason.RateBudget, refusal));
        }

        return wait == 0 && !IsShared(endpoint)
            ? ValueTask.FromResult(RateGrant.GoWith(stamp))
            : WaitAndReserveAsync(endpoint, guardMs, wait, stamp, cancellationToken);
    }

    /// <summary>Gives back the reservation of a ticket that no request used (its leg was stopped before it was sent), so
    /// the weight neither counts against the window nor stays in flight. A used ticket is left alone.</summary>
    public void Return(RateTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.EndpointId >= 0 && ticket.EndpointId < _endpoints.Count && ticket.TryTake(ticket.EndpointId))
        {
            // Without a shared store this completes at once; with one, giving back the shared part needs no waiting for.
            _ = ReleaseAsync(_endpoints[ticket.EndpointId], ticket.Stamp);
        }
    }

    /// <summary>Makes <paramref name="ticket"/> pay for the next request of its endpoint in this async flow; dispose to end.</summary>
    public static IDisposable Prepay(RateTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var previous = PrepaidTicket.Value;
        PrepaidTicket.Value = ticket;
        return new PrepayScope(previous);
    }

    private static readonly AsyncLocal<TimeSpan?> EdgeGuard = new();

    /// <summary>
    /// Inside the returned scope, requests in this async flow are not reserved in the last <paramref name="guard"/> of a
    /// window when that is longer than <see cref="EdgeMargin"/>: they wait for the next one. For bulk work (e.g. reading
    /// a thousand balances) on a busy machine, where the time to reach the exchange can be longer than the round trips
    /// seen so far. Dispose to end.
    /// </summary>
    public static IDisposable GuardWindowEdges(TimeSpan guard)
    {
        var previous = EdgeGuard.Value;
        EdgeGuard.Value = guard;
        return new EdgeGuardScope(previous);
    }

    private sealed class EdgeGuardScope(TimeSpan? previous) : IDisposable
    {
        public void Dispose() => EdgeGuard.Value = previous;
    }

    private sealed class PrepayScope(RateTicket? previous) : IDisposable
    {
        public void Dispose() => PrepaidTicket.Value = previous;
    }
}
