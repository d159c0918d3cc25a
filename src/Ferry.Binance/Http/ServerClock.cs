using Ferry.Binance.Models;
using Ferry.Core.Outcomes;

namespace Ferry.Binance.Http;

/// <summary>
/// The offset between the exchange's clock and ours, measured from GET /api/v3/time at the midpoint of
/// the round trip; signed requests carry <c>timestamp = local now + offset</c>. Measured lazily before the
/// first signed request, again after a -1021 rejection, and whenever <see cref="MeasureAsync"/> is called.
/// </summary>
public sealed class ServerClock : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task<Outcome<ServerTimeResult>>> _fetchServerTime;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _offsetMs;
    private long _windowOffsetMs;
    private long _roundTripMs;
    private volatile bool _measured;

    /// <summary>Uses <paramref name="fetchServerTime"/> (an unsigned GET /api/v3/time) to read the exchange's clock.</summary>
    public ServerClock(TimeProvider time, Func<CancellationToken, Task<Outcome<ServerTimeResult>>> fetchServerTime)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _fetchServerTime = fetchServerTime ?? throw new ArgumentNullException(nameof(fetchServerTime));
    }

    /// <summary>Server time minus local time, as last measured (zero before the first measurement).</summary>
    public TimeSpan Offset => TimeSpan.FromMilliseconds(Interlocked.Read(ref _offsetMs));

    /// <summary>
    /// The least the offset can be (server time minus the local time the answer arrived), in ms: the rate limiter's
    /// windows use it, so it never believes a request to be later in the exchange's window than it may be.
    /// </summary>
    internal long WindowOffsetMs => Interlocked.Read(ref _windowOffsetMs);

    /// <summary>The round trip (ms) of the last measurement: how far <see cref="WindowOffsetMs"/> can be below the truth.</summary>
    internal long MeasuredRoundTripMs => Interlocked.Read(ref _roundTripMs);

    /// <summary>True once a measurement succeeded.</summary>
    public bool IsMeasured => _measured;

    /// <summary>The exchange's current time in epoch milliseconds, as best we know it.</summary>
    public long NowMilliseconds() => _time.GetUtcNow().ToUnixTimeMilliseconds() + Interlocked.Read(ref _offsetMs);

    /// <summary>Measures the offset now; on success returns it, otherwise the failed time request's outcome.</summary>
    public async Task<Outcome<TimeSpan>> MeasureAsync(CancellationToken cancellationToken = default)
    {
        var before = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var answer = await _fetchServerTime(cancellationToken).ConfigureAwait(false);
        var after = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (answer is not Done<ServerTimeResult> done)
        {
            return answer.Map(_ => TimeSpan.Zero);
        }

        var midpoint = before + ((after - before) / 2);
        var offset = done.Value.ServerTime.ToUnixTimeMilliseconds() - midpoint;
        Interlocked.Exchange(ref _offsetMs, offset);
        Interlocked.Exchange(ref _windowOffsetMs, done.Value.ServerTime.ToUnixTimeMilliseconds() - after);
        Interlocked.Exchange(ref _roundTripMs, Math.Max(0, after - before));
        _measured = true;
        return new Done<TimeSpan>(TimeSpan.FromMilliseconds(offset));
    }

    /// <summary>Measures once if never measured; returns why a signed request cannot be timed, or null.</summary>
    internal ValueTask<LocalRefusal?> EnsureMeasuredAsync(CancellationToken cancellationToken) =>
        _measured ? ValueTask.FromResult<LocalRefusal?>(null) : MeasureFirstAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async ValueTask<LocalRefusal?> MeasureFirstAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new LocalRefusal(NotSentReason.Cancelled, "Not sent: cancelled while measuring the server clock.");
        }

        try
        {
            if (_measured)
            {
                return null;
            }

            var outcome = await MeasureAsync(cancellationToken).ConfigureAwait(false);
            return outcome switch
            {
                Done<TimeSpan> => null,
                NotSent<TimeSpan> { Reason: NotSentReason.Cancelled } n => new LocalRefusal(NotSentReason.Cancelled, n.Message),
                _ when cancellationToken.IsCancellationRequested =>
                    new LocalRefusal(NotSentReason.Cancelled, "Not sent: cancelled while measuring the server clock."),
                _ => new LocalRefusal(NotSentReason.ClockUnavailable,
                    $"Not sent: the server clock could not be measured, so the request could not be timed ({outcome.Describe()})."),
            };
        }
        finally
        {
            _gate.Release();
        }
    }
}
