using System.Diagnostics;
using System.Net;

namespace Ferry.Benchmarks.Sim;

/// <summary>The in-repo load generator: <c>C</c> concurrent loops over one pooled <see cref="HttpClient"/>, each sending
/// the same pre-signed request again as soon as the previous answer has been read. It counts answers during the measured
/// span only (after a warm-up span) and remembers the first answer that was not 200.</summary>
public sealed class LoadClient : IDisposable
{
    private readonly HttpClient _http;

    public LoadClient(int concurrency)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Runs <paramref name="concurrency"/> loops of <paramref name="request"/>; returns answers per second over the
    /// measured span and the median and 99th-percentile latency in ms. Throws when any answer was not 200.</summary>
    public async Task<LoadResult> RunAsync(Func<HttpRequestMessage> request, int concurrency, TimeSpan warmup, TimeSpan measured,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var state = new LoopState();
        var loops = Enumerable.Range(0, concurrency).Select(_ => LoopAsync(request, state, stop.Token)).ToArray();
        await Task.Delay(warmup, cancellationToken).ConfigureAwait(false);
        state.Measuring = true;
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(measured, cancellationToken).ConfigureAwait(false);
        state.Measuring = false;
        var elapsed = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        if (state.Failure is { } failure) throw new InvalidOperationException($"An answer was not 200: {failure}");
        return new LoadResult(state.Completed / elapsed.TotalSeconds, state.Percentile(0.5), state.Percentile(0.99));
    }

    public void Dispose() => _http.Dispose();

    private async Task LoopAsync(Func<HttpRequestMessage> request, LoopState state, CancellationToken ct)
    {
        var latencies = new List<double>();
        while (!ct.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var message = request();
                using var response = await _http.SendAsync(message, ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    state.Failure ??= $"{(int)response.StatusCode} {body}";
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }

            if (state.Measuring)
            {
                Interlocked.Increment(ref state.Completed);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        lock (state) state.Latencies.AddRange(latencies);
    }

    private sealed class LoopState
    {
        public long Completed;
        public volatile bool Measuring;
        public volatile string? Failure;
        public readonly List<double> Latencies = [];

        /// <summary>The latency below which <paramref name="share"/> of the answers came (nearest rank).</summary>
        public double Percentile(double share)
        {
            if (Latencies.Count == 0) return double.NaN;
            Latencies.Sort();
            var rank = (int)Math.Ceiling(share * Latencies.Count) - 1;
            return Latencies[Math.Clamp(rank, 0, Latencies.Count - 1)];
        }
    }
}
